package dev.furrow.core.cob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccrualRangesTest {
  @Test
  void workersSplitTheIdSpaceIntoContiguousRanges() {
    List<UUID[]> two = CloseOfBusinessRepository.ranges(2);
    assertThat(two).hasSize(2);
    assertThat(two.get(0)[0]).isEqualTo(new UUID(0, 0));
    assertThat(two.get(0)[1]).isEqualTo(UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"));
    assertThat(two.get(1)[0]).isEqualTo(two.get(0)[1]);
    assertThat(two.get(1)[1]).isEqualTo(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
    assertThat(CloseOfBusinessRepository.ranges(1).get(0)[1])
        .isEqualTo(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
  }

  @Test
  void accrualEntryIdsAreTimeOrderedAndNamedByTheirRange() {
    String prefix = CloseOfBusinessRepository.entryIdPrefix(0x0192_3456_789aL, 1);
    assertThat(prefix).isEqualTo("01923456789a70018");
    UUID first = UUID.fromString(insertHyphens(prefix + "000000000000001"));
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
  }

  private static String insertHyphens(String hex) {
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }
}
