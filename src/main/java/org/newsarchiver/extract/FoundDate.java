package org.newsarchiver.extract;

/** A publication date and where on the page it was found. */
public record FoundDate(PublishedDate date, DateSource source) {}
