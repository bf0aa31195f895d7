/** Text written per language, the interface strings of each language, and fallback when a translation is missing. */
package org.gazette.i18n;
