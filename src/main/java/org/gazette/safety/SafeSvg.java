package org.gazette.safety;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * An SVG file is a program the browser runs on the site's origin when it is opened by its own
 * address: a {@code <script>}, an {@code onload=}, a {@code javascript:} link or an XHTML element
 * inside it all run. Gazette publishes an SVG only as this class writes it again: parsed, every
 * element and attribute checked against an allow-list of static drawing, and serialised from what
 * was kept — never the file's own bytes, so no parser difference can smuggle anything through.
 *
 * <p>Active content is refused with the place it was written (file, line, column): scripts,
 * {@code <foreignObject>}, XHTML elements, event attributes ({@code on…}), links to
 * {@code javascript:} and other unsafe schemes ({@link SafeUrl}), references that load another
 * resource (a {@code <use>}, {@code <image>}, {@code fill="url(…)"} or style sheet pointing outside
 * the file; only {@code #id} inside it, and pictures embedded as {@code data:image/png|jpeg|gif|webp}
 * in an {@code <image>}), {@code <?xml-stylesheet?>}, and animations that would set a link or a
 * handler. What editors add and browsers never draw is left out without a word: comments,
 * metadata, elements and attributes of other namespaces (Inkscape's, Illustrator's).
 */
public final class SafeSvg {

    public static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    static final String XML_NS = XMLConstants.XML_NS_URI;
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    /** A refusal: what is wrong, where in the SVG file (1-based; 0 when unknown). */
    public record Refusal(int line, int column, Message what) {
        /** Why, in English. */
        public String message() {
            return what.toString();
        }
    }

    /** The SVG as Gazette publishes it, or why it cannot be. */
    public record Result(byte[] svg, Refusal refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    /** Static drawing: shapes, text, paint servers, clipping, masking, filters, links, declarative animation. */
    static final Set<String> ELEMENTS = Set.of(
            "svg", "g", "defs", "symbol", "use", "title", "desc", "switch", "view", "a", "style",
            "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
            "text", "tspan", "textPath",
            "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image",
            "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
            "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
            "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
            "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
            "animate", "animateMotion", "animateTransform", "set", "mpath");

    /** Elements that are inert but never drawn: left out with what they hold. */
    private static final Set<String> DROPPED = Set.of("metadata");

    /** Attributes of static drawing (SVG 1.1 and 2): geometry, presentation, text, paint servers, filters, animation timing. */
    static final Set<String> ATTRIBUTES = Set.of(
            "id", "class", "style", "lang", "tabindex", "role", "focusable", "transform", "viewBox", "preserveAspectRatio",
            "version", "baseProfile", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
            "fx", "fy", "fr", "d", "points", "pathLength", "dx", "dy", "rotate", "textLength", "lengthAdjust",
            "startOffset", "method", "spacing", "side", "gradientUnits", "gradientTransform", "spreadMethod", "offset",
            "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
            "markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient", "filterUnits", "primitiveUnits",
            "in", "in2", "result", "mode", "operator", "k1", "k2", "k3", "k4", "type", "values", "tableValues", "slope",
            "intercept", "amplitude", "exponent", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY",
            "edgeMode", "kernelUnitLength", "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant",
            "specularExponent", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle",
            "scale", "xChannelSelector", "yChannelSelector", "stdDeviation", "radius", "baseFrequency", "numOctaves",
            "seed", "stitchTiles", "requiredExtensions", "requiredFeatures", "systemLanguage", "href", "target",
            "attributeName", "attributeType", "begin", "dur", "end", "min", "max", "restart", "repeatCount", "repeatDur",
            "fill", "calcMode", "keyTimes", "keySplines", "keyPoints", "from", "to", "by", "additive", "accumulate", "path",
            "media", "title", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
            // presentation attributes
            "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color", "color-interpolation",
            "color-interpolation-filters", "color-profile", "color-rendering", "cursor", "direction", "display",
            "dominant-baseline", "enable-background", "fill-opacity", "fill-rule", "filter", "flood-color", "flood-opacity",
            "font", "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant",
            "font-weight", "glyph-orientation-horizontal", "glyph-orientation-vertical", "image-rendering", "kerning",
            "letter-spacing", "lighting-color", "marker", "marker-end", "marker-mid", "marker-start", "mask",
            "mask-type", "opacity", "overflow", "paint-order", "pointer-events", "shape-rendering", "stop-color",
            "stop-opacity", "stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
            "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor", "text-decoration", "text-rendering",
            "transform-origin", "unicode-bidi", "vector-effect", "visibility", "word-spacing", "writing-mode", "white-space");

    /** Attributes an animation may not change: links, handlers, styles (and through them, scripts or loads). */
    private static final Pattern ANIMATED_FORBIDDEN = Pattern.compile("(?i)^(?:.*:)?(?:href|on.*|style|attributename|begin|end|values|from|to|by)$");

    /** Attributes that only an animation reads. */
    private static final Set<String> ANIMATION_ONLY = Set.of("attributeName", "attributeType", "from", "to", "by", "begin", "end");

    /** Raster pictures embedded in an {@code <image>}: drawn as pictures, never run. */
    private static final Pattern DATA_IMAGE = Pattern.compile("(?i)^data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*$");

    /** {@code url(…)} in an attribute or style sheet, with what it points at. */
    private static final Pattern URL_REF = Pattern.compile("(?i)url\\s*\\(\\s*(['\"]?)(.*?)\\1\\s*\\)");

    private SafeSvg() {}

    /** Checks and writes again the SVG in {@code bytes}. */
    public static Result clean(byte[] bytes) {
        Writer w = new Writer();
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Editors write a DOCTYPE, some with entities for namespace names: read it, load nothing from outside.
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var parser = f.newSAXParser();
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", w);
            parser.getXMLReader().setEntityResolver((publicId, systemId) -> new InputSource(new java.io.StringReader("")));
            parser.parse(new ByteArrayInputStream(bytes), w);
        } catch (Refused r) {
            return new Result(null, r.refusal);
        } catch (SAXParseException e) {
            return new Result(null, new Refusal(e.getLineNumber(), e.getColumnNumber(), Msg.SVG_NOT_XML.with(e.getMessage())));
        } catch (SAXException | IOException e) {
            return new Result(null, new Refusal(0, 0, Msg.SVG_UNREADABLE.with(String.valueOf(e.getMessage()))));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        if (!w.sawRoot) return new Result(null, new Refusal(0, 0, Msg.SVG_NO_ROOT.with()));
        return new Result(w.out.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    private static final class Refused extends SAXException {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.message(), null);
            this.refusal = refusal;
        }
    }

    /** Writes the kept elements as they are read; refuses at the first active thing. */
    private static final class Writer extends DefaultHandler2 {
        final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        private Locator locator;
        private final Deque<String> open = new ArrayDeque<>();
        /** Depth inside an element left out with its content (0: not inside one). */
        private int skipping;
        boolean sawRoot;
        private boolean inStyle;
        /** A start tag written without its '>' yet: it ends as "/>" if nothing comes inside. */
        private boolean pending;

        private void close() {
            if (pending) out.append('>');
            pending = false;
        }
        private final StringBuilder style = new StringBuilder();

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private Refused refuse(Message message) {
            return new Refused(new Refusal(locator == null ? 0 : locator.getLineNumber(), locator == null ? 0 : locator.getColumnNumber(), message));
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            if (target.equalsIgnoreCase("xml-stylesheet")) throw refuse(Msg.SVG_STYLESHEET_PI.with());
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            if (skipping > 0) {
                skipping++;
                return;
            }
            if (inStyle) throw refuse(Msg.SVG_ELEMENT_IN_STYLE.with(qName));
            if (XHTML_NS.equals(uri)) throw refuse(Msg.SVG_HTML_ELEMENT.with(qName));
            if (!SVG_NS.equals(uri)) {
                if (!sawRoot) throw refuse(Msg.SVG_WRONG_NAMESPACE.with(qName));
                skipping = 1; // an editor's own data (Inkscape, Illustrator): browsers never draw it
                return;
            }
            if (!sawRoot && !local.equals("svg")) throw refuse(Msg.SVG_WRONG_ROOT.with(qName));
            if (local.equals("script")) throw refuse(Msg.SVG_SCRIPT.with());
            if (local.equals("foreignObject")) throw refuse(Msg.SVG_FOREIGN_OBJECT.with());
            if (DROPPED.contains(local)) {
                skipping = 1;
                return;
            }
            if (!ELEMENTS.contains(local)) throw refuse(Msg.SVG_ELEMENT.with(local));
            boolean animation = local.equals("animate") || local.equals("set") || local.startsWith("animate");
            close();
            out.append('<').append(local);
            if (!sawRoot) {
                out.append(" xmlns=\"").append(SVG_NS).append("\" xmlns:xlink=\"").append(XLINK_NS).append('"');
                sawRoot = true;
            }
            for (int i = 0; i < atts.getLength(); i++) {
                String aUri = atts.getURI(i);
                String name = atts.getLocalName(i);
                String value = atts.getValue(i);
                if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
                    throw refuse(Msg.SVG_EVENT.with(atts.getQName(i)));
                }
                String written;
                if (aUri.isEmpty()) {
                    if (!ATTRIBUTES.contains(name)) continue; // editors' own attributes (data-name, …): never drawn
                    if (!animation && ANIMATION_ONLY.contains(name)) continue; // meaningless elsewhere
                    written = name;
                } else if (XLINK_NS.equals(aUri) && (name.equals("href") || name.equals("title"))) {
                    written = "xlink:" + name;
                } else if (XML_NS.equals(aUri) && (name.equals("space") || name.equals("lang"))) {
                    written = "xml:" + name;
                } else {
                    continue; // other namespaces' attributes (inkscape:label, xml:base …): left out
                }
                if (name.equals("href")) href(local, value);
                if (animation && name.equals("attributeName") && ANIMATED_FORBIDDEN.matcher(value.strip()).matches()) {
                    throw refuse(Msg.SVG_ANIMATION.with(value));
                }
                // Presentation attributes are read as CSS too (fill="u\\rl(…)" is a url): every value passes the style check.
                if (!name.equals("href")) css(value, name);
                out.append(' ').append(written).append("=\"").append(escape(value, true)).append('"');
            }
            pending = true;
            open.push(local);
            if (local.equals("style")) {
                inStyle = true;
                style.setLength(0);
            }
        }

        /** A link may go where a page's link may ({@link SafeUrl}); anything else that loads must stay inside the file. */
        private void href(String element, String value) throws SAXException {
            String v = value.strip();
            if (element.equals("a")) {
                if (!SafeUrl.allowed(v)) throw refuse(Msg.SVG_LINK.with(v));
                return;
            }
            if (v.startsWith("#") && SafeUrl.allowed(v)) return;
            if (element.equals("image") && DATA_IMAGE.matcher(v).matches()) return;
            throw refuse(Msg.SVG_REFERENCE.with(element, clip(v)));
        }

        /** {@code url(…)} in an attribute value: only {@code #id} inside the file. */
        private void references(String value, Object attribute) throws SAXException {
            if (!value.toLowerCase(Locale.ROOT).contains("url")) return;
            var m = URL_REF.matcher(value);
            while (m.find()) {
                String target = m.group(2).strip();
                if (!target.startsWith("#")) throw refuse(Msg.SVG_URL.with(attribute, clip(target)));
            }
        }

        private void css(String css, Object where) throws SAXException {
            // Escapes would let a url( or @import hide: a style sheet that needs them is not a drawing's.
            if (css.indexOf('\\') >= 0) throw refuse(Msg.SVG_ESCAPE.with(where));
            String lower = css.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
            if (lower.contains("@import")) throw refuse(Msg.SVG_IMPORT.with());
            if (lower.contains("expression(") || lower.contains("behavior:") || lower.contains("-moz-binding")) {
                throw refuse(Msg.SVG_CODE.with());
            }
            references(css, where);
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if (skipping > 0) {
                skipping--;
                return;
            }
            String name = open.pop();
            if (name.equals("style")) {
                inStyle = false;
                css(style.toString(), Msg.SVG_STYLE_SHEET.with());
                if (!style.isEmpty()) {
                    close();
                    out.append(escape(style.toString(), false));
                }
            }
            if (pending) {
                out.append("/>");
                pending = false;
            } else {
                out.append("</").append(name).append('>');
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (skipping > 0 || open.isEmpty()) return;
            if (inStyle) {
                style.append(ch, start, length);
            } else {
                close();
                out.append(escape(new String(ch, start, length), false));
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            characters(ch, start, length);
        }
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
