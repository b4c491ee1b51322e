package dev.penguinmails.contacts.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How the bytes of a CSV file are text, from its first bytes (a small detector instead of ICU4J's 14 MB, since
 * there are only four answers):
 * <ol>
 *   <li>a byte order mark: UTF-8 ({@code EF BB BF}), UTF-16 LE ({@code FF FE}) or BE ({@code FE FF});</li>
 *   <li>no mark but NUL bytes in every other place: UTF-16 LE or BE without a mark;</li>
 *   <li>the sample decodes as UTF-8 strictly (a sequence cut at the sample's end is allowed): UTF-8;</li>
 *   <li>else windows-1252, the superset of Latin-1 that spreadsheets on Windows write.</li>
 * </ol>
 * Bytes past the sample that are not valid UTF-8 in a file taken as UTF-8 become U+FFFD, and their row fails.
 */
final class TextEncodings {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextEncodings() { }

    /** The charset and how many bytes of mark to skip. */
    record Detected(Charset charset, int bomLength) {
        String label() {
            return charset.name() + (bomLength > 0 ? " with BOM" : "");
        }
    }

    static Detected detect(byte[] b, int length) {
        if (length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < length; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            }
        }
        int pairs = length / 2;
        if (pairs > 0 && oddNuls > pairs * 0.6 && evenNuls < pairs * 0.05) {
            return new Detected(StandardCharsets.UTF_16LE, 0);
        }
        if (pairs > 0 && evenNuls > pairs * 0.6 && oddNuls < pairs * 0.05) {
            return new Detected(StandardCharsets.UTF_16BE, 0);
        }
        return new Detected(validUtf8(b, length) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
    }

    /** Whether the bytes are UTF-8, allowing a multi-byte sequence cut short at the end of the sample. */
    static boolean validUtf8(byte[] b, int length) {
        int end = length;
        // Drop a trailing incomplete sequence: up to 3 bytes back to its lead byte.
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int c = b[end - back] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue;
            }
            int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (need > back) {
                end -= back;
            }
            break;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * What the file is if it is clearly not text: an image, an archive, a PDF, an old Excel file, or bytes with NULs
     * or control characters no text has; null if it may be text. UTF-16 has NULs, so it is asked after detection.
     */
    static String notText(byte[] b, int length, Detected detected) {
        if (startsWith(b, length, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(b, length, 'P', 'K', 3, 4)) {
            return "a ZIP archive (an XLSX file is one: import it with format xlsx)";
        }
        if (startsWith(b, length, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(b, length, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(b, length, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(b, length, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old Excel (.xls) or Office file; save it as CSV or XLSX";
        }
        if (startsWith(b, length, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        if (detected.charset().equals(StandardCharsets.UTF_16LE) || detected.charset().equals(StandardCharsets.UTF_16BE)) {
            return null;
        }
        int control = 0;
        for (int i = 0; i < length; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return "binary data (it has NUL bytes)";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C) {
                control++;
            }
        }
        return length > 0 && control > Math.max(8, length / 100) ? "binary data (it has many control bytes)" : null;
    }

    private static boolean startsWith(byte[] b, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
