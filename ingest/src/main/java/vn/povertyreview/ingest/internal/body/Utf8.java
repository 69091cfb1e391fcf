package vn.povertyreview.ingest.internal.body;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 reading of text bodies. */
final class Utf8 {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8() {
    }

    /**
     * A reader that fails on bytes that are not UTF-8, instead of turning them into replacement
     * characters that would then be stored as if the reviewer had typed them. A leading byte order
     * mark is dropped: spreadsheet programs write one when saving "CSV UTF-8".
     */
    static BufferedReader reader(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, BOM.length);
        byte[] head = in.readNBytes(BOM.length);
        if (!(head.length == BOM.length && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2])) {
            in.unread(head);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder));
    }
}
