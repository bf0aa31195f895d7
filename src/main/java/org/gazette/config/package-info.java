/** Site settings from {@code content/site.yaml}: names, languages, base URL, time zone. */
package org.gazette.config;
