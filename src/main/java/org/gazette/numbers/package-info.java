/** Quantities read from the prose of each language and compared: across translations, and with the year's figures. */
package org.gazette.numbers;
