package dev.coineconomy.internal;

import dev.coineconomy.catalog.CatalogFormatException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of a small text file, numbered from 1, as the catalog and policy loaders read them: strict
 * UTF-8 (malformed bytes are an error, never replaced), a leading byte-order mark stripped, and
 * {@code \n}, {@code \r\n} and {@code \r} all ending a line. Stateless and thread-safe.
 */
public final class TextLines {

    /**
     * One line, without its terminator.
     *
     * @param number the 1-based line number
     * @param text   the text
     */
    public record Line(int number, String text) {
    }

    private TextLines() {
    }

    /**
     * Reads a file.
     *
     * @param path the file
     * @return its lines
     * @throws CatalogFormatException if it is not UTF-8
     * @throws UncheckedIOException   if it cannot be read
     */
    public static List<Line> read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return read(String.valueOf(path.getFileName()), bytes);
    }

    /**
     * Decodes bytes.
     *
     * @param fileName the name for messages
     * @param bytes    the content
     * @return the lines
     * @throws CatalogFormatException if the bytes are not UTF-8, naming the line of the first bad byte
     */
    public static List<Line> read(String fileName, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw CatalogFormatException.atLine(fileName, line, "UTF-8 text",
                    String.format(Locale.ROOT, "the byte 0x%02x, which is not UTF-8", bytes[at] & 0xff));
        }
        decoder.flush(out);
        out.flip();
        return split(out.toString());
    }

    /**
     * Reads characters to their end (the reader is not closed).
     *
     * @param reader the reader
     * @return the lines
     * @throws UncheckedIOException if reading fails
     */
    public static List<Line> read(Reader reader) {
        StringBuilder b = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer)) != -1; ) {
                b.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read", e);
        }
        return split(b.toString());
    }

    private static List<Line> split(String text) {
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new Line(number++, text.substring(start, i)));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(new Line(number, text.substring(start)));
        }
        return lines;
    }
}
