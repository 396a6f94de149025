package dev.furrow.core.payg;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.error.Violations;
import dev.furrow.core.query.CompiledQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the query parameters of a PAYG list (page, limit, search, searchby, ordering, filters)
 * against a resource's {@link PaygListSpec}. Every problem is reported at once as an {@link
 * dev.furrow.core.error.InvalidInputException} whose field is the query parameter's name; valid
 * input is handed to the lending API's {@link dev.furrow.core.query.ResourceFilters} under internal
 * names, so both APIs share one SQL generator and one binding path.
 */
public final class PaygListCompiler {
  /** Default and largest page size. */
  public static final int DEFAULT_LIMIT = 25;

  public static final int MAX_LIMIT = 100;

  /** The largest page number (keeps the offset within an int at every limit). */
  public static final int MAX_PAGE = 1_000_000;

  /** Longest search text. */
  public static final int MAX_SEARCH = 200;

  static final Set<String> RESERVED = Set.of("page", "limit", "search", "searchby", "ordering");

  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /** Shortest digit run worth probing the index with alone (a few thousand rows at most). */
  static final int PROBE_DIGITS = 5;

  private PaygListCompiler() {}

  /**
   * The SQL for {@code request} under {@code spec}.
   *
   * @throws dev.furrow.core.error.InvalidInputException naming each offending parameter
   */
  public static PaygQuery compile(PaygListSpec spec, PaygListRequest request) {
    requireNonNull(spec, "spec");
    requireNonNull(request, "request");
    Violations violations = new Violations();
    int page = bounded("page", request.page(), 1, MAX_PAGE, 1, violations);
    int limit = bounded("limit", request.limit(), 1, MAX_LIMIT, DEFAULT_LIMIT, violations);
    Map<String, String> internal = new HashMap<>();
    search(spec, request, internal, violations);
    filters(spec, request.filters(), internal, violations);
    String sort = ordering(spec, request.ordering(), violations);
    violations.throwIfAny();
    long offset = (long) (page - 1) * limit;
    CompiledQuery compiled =
        spec.sql().compile(internal, sort, Integer.toString(limit), Long.toString(offset));
    boolean searching = internal.keySet().stream().anyMatch(k -> k.startsWith("s__"));
    return new PaygQuery(compiled, page, searching);
  }

  private static int bounded(
      String field, String raw, int min, int max, int absent, Violations violations) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return absent;
    }
    if (text.length() > 20 || !WHOLE.matcher(text).matches()) {
      violations.add(field, "A valid integer is required.");
      return absent;
    }
    long value = Long.parseLong(text);
    if (value < min) {
      violations.add(field, "Ensure this value is greater than or equal to " + min + ".");
      return absent;
    }
    if (value > max) {
      violations.add(field, "Ensure this value is less than or equal to " + max + ".");
      return absent;
    }
    return (int) value;
  }

  private static void search(
      PaygListSpec spec,
      PaygListRequest request,
      Map<String, String> internal,
      Violations violations) {
    String searchby = request.searchby().strip();
    if (!searchby.isEmpty() && !spec.searchable().containsKey(searchby)) {
      violations.add(
          "searchby",
          "Unknown search field '"
              + searchby
              + "'. Use one of: "
              + String.join(", ", spec.searchable().keySet())
              + ".");
      return;
    }
    String search = request.search().strip();
    if (search.isEmpty()) {
      return;
    }
    if (spec.searchable().isEmpty()) {
      violations.add("search", "This list cannot be searched.");
      return;
    }
    if (search.length() > MAX_SEARCH) {
      violations.add("search", "Ensure this field has no more than " + MAX_SEARCH + " characters.");
      return;
    }
    if (CONTROL.matcher(search).find()) {
      violations.add("search", "Search text must not contain control characters.");
      return;
    }
    String field = searchby.isEmpty() ? PaygListSpec.SEARCH_ALL : "s__" + searchby;
    String probe = probe(search);
    if (probe == null) {
      internal.put(field + "__icontains", search);
    } else {
      internal.put(field + "__icontains", probe);
      String recheck = PaygListSpec.RECHECK + (searchby.isEmpty() ? "all" : searchby);
      internal.put(recheck + "__icontains", search);
    }
  }

  /**
   * The part of an identifier-like search term the trigram index is probed with, or null to probe
   * with the whole term. Identifiers share their letters and years with every row ({@code
   * LN-2025-000123}, {@code TR-000123}), and a trigram index reads the whole posting list of every
   * trigram of the pattern, so the common ones cost more than the match. The longest run of digits
   * (at least {@value #PROBE_DIGITS}) is a substring of the term, so the rows containing the term
   * are among those containing the run; the whole term is then tested on those few rows.
   */
  static String probe(String search) {
    Matcher digits = DIGITS.matcher(search);
    String longest = "";
    while (digits.find()) {
      if (digits.group().length() > longest.length()) {
        longest = digits.group();
      }
    }
    return longest.length() >= PROBE_DIGITS && longest.length() < search.length() ? longest : null;
  }

  private static void filters(
      PaygListSpec spec,
      Map<String, String> filters,
      Map<String, String> internal,
      Violations violations) {
    Map<String, LocalDate> dates = new HashMap<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(filters).entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue() == null ? "" : entry.getValue().strip();
      PaygFilter filter = spec.filters().get(name);
      if (filter == null) {
        violations.add(
            name,
            "Unknown filter '"
                + name
                + "'. Use one of: "
                + String.join(", ", spec.filters().keySet())
                + ".");
        continue;
      }
      if (value.isEmpty()) {
        continue; // an empty filter filters nothing, as in django-filter
      }
      String key = "f__" + name;
      switch (filter.kind()) {
        case TEXT -> internal.put(key, value);
        case CHOICE -> {
          if (filter.choices().contains(value)) {
            internal.put(key, value);
          } else {
            violations.add(
                name, "Select a valid choice. " + value + " is not one of the available choices.");
          }
        }
        case ID -> {
          if (ID.matcher(value).matches()) {
            internal.put(key, value);
          } else {
            violations.add(name, "Enter a whole number.");
          }
        }
        case DATE_FROM, DATE_TO, INSTANT_FROM, INSTANT_TO -> {
          LocalDate date = date(value);
          if (date == null) {
            violations.add(name, "Enter a valid date.");
            continue;
          }
          dates.put(name, date);
          switch (filter.kind()) {
            case DATE_FROM, INSTANT_FROM -> internal.put(key + "__gte", date.toString());
            case DATE_TO -> internal.put(key + "__lte", date.toString());
            default -> internal.put(key + "__lt", date.plusDays(1).toString());
          }
        }
      }
    }
    checkRanges(spec, dates, violations);
  }

  /**
   * A {@code *_to} earlier than its {@code *_from} on the same column is a mistake worth naming.
   */
  private static void checkRanges(
      PaygListSpec spec, Map<String, LocalDate> dates, Violations violations) {
    List<PaygFilter> all = new ArrayList<>(spec.filters().values());
    for (PaygFilter to : all) {
      if (to.kind() != PaygFilter.Kind.DATE_TO && to.kind() != PaygFilter.Kind.INSTANT_TO) {
        continue;
      }
      for (PaygFilter from : all) {
        boolean pair =
            (from.kind() == PaygFilter.Kind.DATE_FROM
                    || from.kind() == PaygFilter.Kind.INSTANT_FROM)
                && from.expression().equals(to.expression());
        if (pair
            && dates.containsKey(from.name())
            && dates.containsKey(to.name())
            && dates.get(to.name()).isBefore(dates.get(from.name()))) {
          violations.add(to.name(), "Ensure this date is on or after " + from.name() + ".");
        }
      }
    }
  }

  private static LocalDate date(String text) {
    if (text.length() != 10) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The internal sort text: the requested (or default) fields, then the tiebreaker in the direction
   * of the last field, so a descending list can walk a descending index.
   */
  private static String ordering(PaygListSpec spec, String raw, Violations violations) {
    String text = raw.strip().isEmpty() ? spec.defaultOrdering() : raw.strip();
    List<String> items = new ArrayList<>();
    boolean lastDescending = false;
    boolean tiebreakerListed = false;
    for (String item : text.split(",", -1)) {
      String token = item.strip();
      if (token.isEmpty()) {
        continue;
      }
      boolean descending = token.startsWith("-");
      String name = descending ? token.substring(1) : token;
      String expression = spec.orderable().get(name);
      if (expression == null) {
        violations.add(
            "ordering",
            "Unknown ordering field '"
                + name
                + "'. Use one of: "
                + String.join(", ", spec.orderable().keySet())
                + ".");
        continue;
      }
      items.add((descending ? "-" : "") + "o__" + name);
      lastDescending = descending;
      tiebreakerListed |= expression.strip().equals(spec.tiebreaker().strip());
    }
    if (!tiebreakerListed) {
      items.add((lastDescending ? "-" : "") + PaygListSpec.TIEBREAKER);
    }
    return String.join(",", items);
  }
}
