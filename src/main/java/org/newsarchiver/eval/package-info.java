/** Scores the extractor against the development corpus with the corpus README's rules. */
package org.newsarchiver.eval;
