package dev.furrow.ingest;

/** The device-assigned message id: with the tractor id, the key the core deduplicates on. */
final class MessageIds {
  static final int MAX_CHARS = 128;

  private MessageIds() {}

  /** Returns the id, or records why it is unusable. */
  static String check(String messageId, FieldErrors errors) {
    if (messageId.isEmpty()) {
      errors.add("message_id", "empty");
      return "";
    }
    int length = messageId.codePointCount(0, messageId.length());
    if (length > MAX_CHARS) {
      errors.add("message_id", "longer than " + MAX_CHARS + " characters (" + length + ")");
      return "";
    }
    return messageId;
  }
}
