package io.autodial.node.compliance.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.node.compliance.dnc.RegistryImportState.RejectedLine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DncRegistryFileTest {
  @TempDir Path dir;

  @Test
  void csvWithAHeaderLoadsGoodLinesAndReportsBadOnesByLine() throws Exception {
    Path file = dir.resolve("registry.csv");
    Files.writeString(file, "phone,added\r\n2125550101,2020-01-01\r\n\"(212) 555-0102\",x\r\n\r\nnot a number,y\r\n+442071838750\r\n12345\r\n2125550101");
    RegistryFile read = RegistryFile.read(file, (lines, good, rejected) -> {});
    assertThat(read.count).isEqualTo(4);
    assertThat(read.keys).startsWith(12125550101L, 12125550102L, 442071838750L, 12125550101L);
    assertThat(read.linesRead).isEqualTo(8);
    assertThat(read.rejected).isEqualTo(2);
    assertThat(read.firstRejected).extracting(RejectedLine::line).containsExactly(5L, 7L);
    assertThat(read.firstRejected.get(1).reason()).contains("10 digits");
  }
}
