package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Overlay bytes become text only when they are UTF-8; otherwise the first bad byte is named. */
class OverlayTextTest {

  private static final String OVERLAY = "applications:\n  - name: café\n    image: {tag: 1.0.0}\n";

  @Test
  void decodesUtf8IncludingCharactersOutsideTheBasicPlane() throws Exception {
    String text = OVERLAY + "# 🚀\n";

    assertThat(OverlayText.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }

  @Test
  void keepsAUtf8ByteOrderMarkSoTheFileIsWrittenBackByteForByte() throws Exception {
    byte[] bytes = ("\uFEFF" + OVERLAY).getBytes(StandardCharsets.UTF_8);

    String text = OverlayText.decode(bytes);

    assertThat(text).startsWith("\uFEFFapplications:");
    assertThat(OverlayFile.parse(text).application("café")).isPresent();
    assertThat(
            OverlayFile.parse(text)
                .withTags(java.util.Map.of("café", "1.1.0"))
                .getBytes(StandardCharsets.UTF_8))
        .startsWith(0xEF, 0xBB, 0xBF);
  }

  @Test
  void refusesLatin1NamingTheOffsetOfTheFirstInvalidByte() {
    byte[] bytes = OVERLAY.getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> OverlayText.decode(bytes))
        .isInstanceOf(OverlayFormatException.class)
        .hasMessageStartingWith("byte offset 27: byte 0xE9 is not valid UTF-8")
        .hasMessageContaining("save it as UTF-8");
  }

  @Test
  void refusesUtf16WithAByteOrderMarkSayingSo() {
    byte[] bytes = OVERLAY.getBytes(StandardCharsets.UTF_16);

    assertThatThrownBy(() -> OverlayText.decode(bytes))
        .hasMessageStartingWith("byte offset 0: byte 0xFE is not valid UTF-8")
        .hasMessageContaining("UTF-16 byte order mark");
  }

  @Test
  void refusesUtf16WithoutAByteOrderMarkAtItsFirstNulByte() {
    byte[] bytes = OVERLAY.getBytes(StandardCharsets.UTF_16LE);

    assertThatThrownBy(() -> OverlayText.decode(bytes))
        .hasMessageStartingWith("byte offset 1: a NUL byte")
        .hasMessageContaining("binary or UTF-16");
  }

  @Test
  void refusesBinaryContent() {
    byte[] bytes = {'a', ':', ' ', (byte) 0x89, 'P', 'N', 'G'};

    assertThatThrownBy(() -> OverlayText.decode(bytes))
        .hasMessageStartingWith("byte offset 3: byte 0x89 is not valid UTF-8");
  }

  @Test
  void refusesASequenceCutOffAtTheEndOfTheFile() {
    byte[] whole = "a: é".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);

    assertThatThrownBy(() -> OverlayText.decode(cut))
        .hasMessageStartingWith("byte offset 3: byte 0xC3 is not valid UTF-8");
  }

  @Test
  void decodesAnEmptyFileToEmptyText() throws Exception {
    assertThat(OverlayText.decode(new byte[0])).isEmpty();
  }

  @Test
  void decodesEveryAsciiCharacterAsItselfAndRefusesANulAmongThem() throws Exception {
    byte[] ascii = new byte[127];
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) (i + 1);
    }
    assertThat(OverlayText.decode(ascii))
        .isEqualTo(new String(ascii, StandardCharsets.UTF_8))
        .hasSize(127);

    byte[] withNul = "tag: 1.0.0\n".getBytes(StandardCharsets.US_ASCII);
    withNul[3] = 0;
    assertThatThrownBy(() -> OverlayText.decode(withNul))
        .isInstanceOf(OverlayFormatException.class)
        .hasMessageStartingWith("byte offset 3: a NUL byte");
  }
}
