package dev.furrow.core.borrower;

import static dev.furrow.core.platform.grpc.Replies.reply;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.common.v1.PageInfo;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.GetEndUserRequest;
import dev.furrow.proto.lending.v1.ListEndUsersRequest;
import dev.furrow.proto.lending.v1.ListEndUsersResponse;
import dev.furrow.proto.lending.v1.UpdateEndUserRequest;
import io.grpc.stub.StreamObserver;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** gRPC edge of {@link EndUserDirectory}; guarded by a LENDING partner API key. */
public final class EndUserGrpcService extends EndUserServiceGrpc.EndUserServiceImplBase {
  /** Mask paths may name the field alone or relative to the request ("end_user.email"). */
  private static final String MASK_PREFIX = "end_user.";

  private static final Map<EndUserField, FieldDescriptor> INPUT_FIELDS =
      descriptors(dev.furrow.proto.lending.v1.EndUserInput.getDescriptor());
  private static final Map<EndUserField, FieldDescriptor> OUTPUT_FIELDS =
      descriptors(dev.furrow.proto.lending.v1.EndUser.getDescriptor());

  private final EndUserDirectory directory;

  public EndUserGrpcService(EndUserDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void createEndUser(
      CreateEndUserRequest request, StreamObserver<dev.furrow.proto.lending.v1.EndUser> response) {
    reply(response, toProto(directory.create(Caller.partnerId(), toInput(request.getEndUser()))));
  }

  @Override
  public void getEndUser(
      GetEndUserRequest request, StreamObserver<dev.furrow.proto.lending.v1.EndUser> response) {
    reply(response, toProto(directory.get(Caller.partnerId(), request.getId())));
  }

  @Override
  public void updateEndUser(
      UpdateEndUserRequest request, StreamObserver<dev.furrow.proto.lending.v1.EndUser> response) {
    long partnerId = Caller.partnerId();
    EndUserInput input = toInput(request.getEndUser());
    EndUser updated =
        request.getPartial()
            ? directory.amend(partnerId, request.getId(), input, maskedFields(request))
            : directory.replace(partnerId, request.getId(), input);
    reply(response, toProto(updated));
  }

  @Override
  public void listEndUsers(
      ListEndUsersRequest request, StreamObserver<ListEndUsersResponse> response) {
    ListQuery query = request.getQuery();
    EndUserPage page =
        directory.list(
            Caller.partnerId(),
            query.getFiltersMap(),
            query.getSort(),
            query.getLimit(),
            query.getOffset());
    ListEndUsersResponse.Builder out =
        ListEndUsersResponse.newBuilder()
            .setPage(
                PageInfo.newBuilder()
                    .setCount(page.count())
                    .setLimit(page.limit())
                    .setOffset(page.offset()));
    page.results().forEach(endUser -> out.addResults(toProto(endUser)));
    reply(response, out.build());
  }

  /** Writable fields named by the mask; read-only and unknown names are ignored, as DRF does. */
  private static Set<EndUserField> maskedFields(UpdateEndUserRequest request) {
    Set<EndUserField> fields = EnumSet.noneOf(EndUserField.class);
    for (String path : request.getUpdateMask().getPathsList()) {
      String name = path.startsWith(MASK_PREFIX) ? path.substring(MASK_PREFIX.length()) : path;
      EndUserField.byKey(name).ifPresent(fields::add);
    }
    return fields;
  }

  private static EndUserInput toInput(dev.furrow.proto.lending.v1.EndUserInput proto) {
    EndUserInput input = EndUserInput.empty();
    for (Map.Entry<EndUserField, FieldDescriptor> field : INPUT_FIELDS.entrySet()) {
      if (proto.hasField(field.getValue())) {
        input = input.with(field.getKey(), (String) proto.getField(field.getValue()));
      }
    }
    return input;
  }

  private static dev.furrow.proto.lending.v1.EndUser toProto(EndUser endUser) {
    dev.furrow.proto.lending.v1.EndUser.Builder out =
        dev.furrow.proto.lending.v1.EndUser.newBuilder()
            .setId(endUser.id().toString())
            .setCreated(ProtoTime.toProto(endUser.created()))
            .setUpdated(ProtoTime.toProto(endUser.updated()));
    for (Map.Entry<EndUserField, FieldDescriptor> field : OUTPUT_FIELDS.entrySet()) {
      String value = endUser.details().text(field.getKey());
      if (value != null) {
        out.setField(field.getValue(), value);
      }
    }
    return out.build();
  }

  /** The proto field of each end user field, found by its API name; a missing one fails fast. */
  private static Map<EndUserField, FieldDescriptor> descriptors(
      com.google.protobuf.Descriptors.Descriptor message) {
    Map<EndUserField, FieldDescriptor> fields = new EnumMap<>(EndUserField.class);
    for (EndUserField field : EndUserField.values()) {
      FieldDescriptor descriptor = message.findFieldByName(field.key());
      if (descriptor == null) {
        throw new IllegalStateException(message.getFullName() + " lacks field " + field.key());
      }
      fields.put(field, descriptor);
    }
    return fields;
  }
}
