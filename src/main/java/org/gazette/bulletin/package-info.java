/**
 * The printed bulletin (简报): its jobs and XHTML from the report ({@code Bulletins}), the PDF on
 * GB/T 9704's page with the bundled and the office's fonts, archive grade (PDF/A-3a, PDF/UA-1:
 * {@code BulletinRenderer}, {@code Fonts}, {@code OfficeFonts}, {@code QuantityBreaker}), the Word
 * form ({@code WordBulletin}), and the per-user cache of finished bulletins ({@code BulletinCache}).
 * It uses the page side's templating and localisation ({@code org.gazette.render}); nothing there
 * uses it.
 */
package org.gazette.bulletin;
