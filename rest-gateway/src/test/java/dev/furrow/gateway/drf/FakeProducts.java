package dev.furrow.gateway.drf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.Timestamp;

/**
 * A product resource shaped like the lending API's, built in the test so the DRF classes are
 * exercised on every kind of field without a test proto in the contract:
 *
 * <pre>
 * message DefaultFee { string name = 1; string type = 2; string amount = 3; string event = 4; }
 * enum Kind { KIND_UNSPECIFIED = 0; revolving_credit = 1; }
 * message Product {
 *   string id = 1;
 *   google.protobuf.Timestamp created = 2;
 *   string name = 3;
 *   optional string max_loan_amount = 4;       // decimal
 *   string default_interest_rate = 5;          // decimal, not nullable
 *   optional int32 installments = 6;
 *   int64 arrears_tolerance = 7;
 *   optional bool calculate_interest_on_holidays = 8;
 *   bool published = 9;
 *   repeated DefaultFee default_fees = 10;
 *   optional string custom_field = 11;         // JSON text
 *   repeated string tags = 12;
 *   DefaultFee main_fee = 13;
 *   map&lt;string, string&gt; labels = 14;
 *   Kind kind = 15;
 *   google.protobuf.Int32Value grace_days = 16;
 *   uint64 views = 17;
 *   optional double score = 18;
 * }
 * </pre>
 */
final class FakeProducts {

  static final Descriptor PRODUCT;
  static final Descriptor DEFAULT_FEE;

  static {
    final FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("furrow/test/v1/product.proto")
            .setPackage("furrow.test.v1")
            .setSyntax("proto3")
            .addDependency("google/protobuf/timestamp.proto")
            .addDependency("google/protobuf/wrappers.proto")
            .addEnumType(
                EnumDescriptorProto.newBuilder()
                    .setName("Kind")
                    .addValue(value("KIND_UNSPECIFIED", 0))
                    .addValue(value("revolving_credit", 1)))
            .addMessageType(
                DescriptorProto.newBuilder()
                    .setName("DefaultFee")
                    .addField(field("name", 1, Type.TYPE_STRING))
                    .addField(field("type", 2, Type.TYPE_STRING))
                    .addField(field("amount", 3, Type.TYPE_STRING))
                    .addField(field("event", 4, Type.TYPE_STRING)))
            .addMessageType(
                DescriptorProto.newBuilder()
                    .setName("Product")
                    .addField(field("id", 1, Type.TYPE_STRING))
                    .addField(message("created", 2, ".google.protobuf.Timestamp"))
                    .addField(field("name", 3, Type.TYPE_STRING))
                    .addField(optional("max_loan_amount", 4, Type.TYPE_STRING, 0))
                    .addField(field("default_interest_rate", 5, Type.TYPE_STRING))
                    .addField(optional("installments", 6, Type.TYPE_INT32, 1))
                    .addField(field("arrears_tolerance", 7, Type.TYPE_INT64))
                    .addField(optional("calculate_interest_on_holidays", 8, Type.TYPE_BOOL, 2))
                    .addField(field("published", 9, Type.TYPE_BOOL))
                    .addField(
                        message("default_fees", 10, ".furrow.test.v1.DefaultFee")
                            .setLabel(Label.LABEL_REPEATED))
                    .addField(optional("custom_field", 11, Type.TYPE_STRING, 3))
                    .addField(field("tags", 12, Type.TYPE_STRING).setLabel(Label.LABEL_REPEATED))
                    .addField(message("main_fee", 13, ".furrow.test.v1.DefaultFee"))
                    .addField(
                        message("labels", 14, ".furrow.test.v1.Product.LabelsEntry")
                            .setLabel(Label.LABEL_REPEATED))
                    .addField(field("kind", 15, Type.TYPE_ENUM).setTypeName(".furrow.test.v1.Kind"))
                    .addField(message("grace_days", 16, ".google.protobuf.Int32Value"))
                    .addField(field("views", 17, Type.TYPE_UINT64))
                    .addField(optional("score", 18, Type.TYPE_DOUBLE, 4))
                    .addNestedType(
                        DescriptorProto.newBuilder()
                            .setName("LabelsEntry")
                            .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                            .addField(field("key", 1, Type.TYPE_STRING))
                            .addField(field("value", 2, Type.TYPE_STRING)))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_max_loan_amount"))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_installments"))
                    .addOneofDecl(
                        OneofDescriptorProto.newBuilder()
                            .setName("_calculate_interest_on_holidays"))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_custom_field"))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_score")))
            .build();
    try {
      final FileDescriptor built =
          FileDescriptor.buildFrom(
              file,
              new FileDescriptor[] {
                Timestamp.getDescriptor().getFile(), Int32Value.getDescriptor().getFile()
              });
      PRODUCT = built.findMessageTypeByName("Product");
      DEFAULT_FEE = built.findMessageTypeByName("DefaultFee");
    } catch (DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The empty product, the prototype readers start from. */
  static final DynamicMessage EMPTY = DynamicMessage.getDefaultInstance(PRODUCT);

  private FakeProducts() {}

  /** A product from protobuf text format, e.g. {@code name: "Loan" installments: 12}. */
  static DynamicMessage product(String textFormat) {
    final DynamicMessage.Builder builder = DynamicMessage.newBuilder(PRODUCT);
    try {
      TextFormat.merge(textFormat, builder);
    } catch (TextFormat.ParseException e) {
      throw new IllegalArgumentException(e);
    }
    return builder.build();
  }

  /** The message in protobuf text format on one line, for comparing what a reader built. */
  static String text(Message message) {
    return TextFormat.printer().shortDebugString(message);
  }

  static FieldDescriptor productField(String name) {
    return PRODUCT.findFieldByName(name);
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  private static FieldDescriptorProto.Builder optional(
      String name, int number, Type type, int oneofIndex) {
    return field(name, number, type).setProto3Optional(true).setOneofIndex(oneofIndex);
  }

  private static FieldDescriptorProto.Builder message(String name, int number, String typeName) {
    return field(name, number, Type.TYPE_MESSAGE).setTypeName(typeName);
  }

  private static EnumValueDescriptorProto value(String name, int number) {
    return EnumValueDescriptorProto.newBuilder().setName(name).setNumber(number).build();
  }
}
