/** Quantities as the office writes them (320亿元, 7%, 5000亩), held exactly, printed per language; dates per language. */
package org.gazette.format;
