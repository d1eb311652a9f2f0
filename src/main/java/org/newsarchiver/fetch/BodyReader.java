package org.newsarchiver.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import okhttp3.ResponseBody;

/**
 * Reads a response body whole, counting the bytes after decompression. A body over the limit is
 * refused (a declared Content-Length over it fails before any byte is read, and a streamed body
 * fails as soon as one byte too many arrives) or, when asked, cut at the limit; either way memory
 * stays within the limit whatever the server (or a gzip bomb) sends. The caller closes the body,
 * and cancels the call after a cut so that closing does not drain the rest. Stateless.
 */
final class BodyReader {
  private BodyReader() {}

  /** The bytes read, and whether the body went on past them. */
  record Body(byte[] bytes, boolean truncated) {}

  static Body read(URI url, ResponseBody body, long limit, boolean truncate) throws IOException {
    long declared = body.contentLength();
    if (declared > limit && !truncate) {
      throw tooLarge(url, limit, " (Content-Length " + declared + ")");
    }
    int initial = (int) Math.min(declared >= 0 ? declared : 16 * 1024, Math.min(limit, 1 << 20));
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 32));
    byte[] buf = new byte[16 * 1024];
    long total = 0;
    // Not closed here: on failure the caller cancels the call first, so that closing does not
    // drain the rest of a flood to reuse the connection.
    InputStream in = body.byteStream();
    int n;
    while ((n = in.read(buf, 0, (int) Math.min(buf.length, limit - total + 1))) != -1) {
      if (total + n > limit) {
        if (!truncate) throw tooLarge(url, limit, "");
        out.write(buf, 0, (int) (limit - total));
        return new Body(out.toByteArray(), true);
      }
      total += n;
      out.write(buf, 0, n);
    }
    return new Body(out.toByteArray(), false);
  }

  private static FetchException tooLarge(URI url, long limit, String suffix) {
    return new FetchException(url, FetchFailure.TOO_LARGE, "body exceeds the " + Durations.bytes(limit) + " limit" + suffix);
  }
}
