package dev.furrow.gateway.lending;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.linecorp.armeria.common.HttpData;
import dev.furrow.gateway.drf.DrfBadRequestException;
import dev.furrow.gateway.drf.DrfJsonReader;
import dev.furrow.gateway.drf.ParsedBody;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads a resource's JSON body into the core's input message ({@code Product} fields into a {@code
 * ProductInput}).
 *
 * <p>The body is read against the resource as the API shows it, so a client can send back what it
 * fetched: the resource's fields that the input lacks ({@code id}, {@code created}, {@code
 * published}, ...) are the read-only ones, dropped unread as DRF drops them, while names the
 * resource does not have at all are {@value DrfJsonReader#NOT_ALLOWED}. Every other field must have
 * the same name and type in both messages; that is checked when the reader is built.
 */
final class InputReader<I extends Message> {

  private final DrfJsonReader<Message> reader;
  private final I inputPrototype;

  private InputReader(DrfJsonReader<Message> reader, I inputPrototype) {
    this.reader = reader;
    this.inputPrototype = inputPrototype;
  }

  /**
   * A reader of bodies shaped like {@code resource} into messages like {@code input}; {@code
   * declarations} adds the value declarations ({@code decimals}, {@code jsonText}) to the resource
   * reader.
   */
  static <I extends Message> InputReader<I> of(
      Message resource, I input, UnaryOperator<DrfJsonReader.Builder<Message>> declarations) {
    requireNonNull(resource, "resource");
    requireNonNull(input, "input");
    requireNonNull(declarations, "declarations");
    final Descriptor inputType = input.getDescriptorForType();
    final List<String> readOnly = new ArrayList<>();
    for (FieldDescriptor field : resource.getDescriptorForType().getFields()) {
      final FieldDescriptor writable = inputType.findFieldByName(field.getName());
      if (writable == null) {
        readOnly.add(field.getName());
      } else if (!sameShape(field, writable)) {
        throw new IllegalArgumentException(
            field.getFullName() + " (expected: the type of " + writable.getFullName() + ")");
      }
    }
    final DrfJsonReader.Builder<Message> builder =
        DrfJsonReader.builder(resource).ignored(readOnly.toArray(String[]::new));
    return new InputReader<>(declarations.apply(builder).build(), input);
  }

  /**
   * Reads a body: every field the client sent, with {@code null} ones left unset, and the mask
   * naming them all for a PATCH.
   *
   * @throws DrfBadRequestException if the body is not a JSON object or has field errors
   */
  Body<I> read(HttpData body) {
    final ParsedBody<Message> parsed = reader.read(body);
    final Message.Builder input = inputPrototype.newBuilderForType();
    final Descriptor inputType = input.getDescriptorForType();
    final Message resource = parsed.message();
    for (String name : parsed.presentFields()) {
      if (parsed.nullFields().contains(name)) {
        continue;
      }
      final FieldDescriptor from = resource.getDescriptorForType().findFieldByName(name);
      final FieldDescriptor to = inputType.findFieldByName(name);
      input.setField(to, resource.getField(from));
    }
    @SuppressWarnings("unchecked") // newBuilderForType() of an I builds an I
    final I message = (I) input.build();
    return new Body<>(message, parsed.fieldMask());
  }

  private static boolean sameShape(FieldDescriptor a, FieldDescriptor b) {
    if (a.getJavaType() != b.getJavaType() || a.isRepeated() != b.isRepeated()) {
      return false;
    }
    return a.getJavaType() != FieldDescriptor.JavaType.MESSAGE
        || a.getMessageType().equals(b.getMessageType());
  }

  /**
   * A body read into the input message.
   *
   * @param input the fields the client sent with a value
   * @param mask the writable top-level fields the client sent, {@code null} ones included
   */
  record Body<I extends Message>(I input, FieldMask mask) {}
}
