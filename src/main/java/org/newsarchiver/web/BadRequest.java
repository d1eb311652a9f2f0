package org.newsarchiver.web;

/** A request the server refuses with 400, with what was wrong; the message is shown (escaped) to the user. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequest(String message) {
    super(message);
  }
}
