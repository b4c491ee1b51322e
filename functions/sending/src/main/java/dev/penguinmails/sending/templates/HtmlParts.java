package dev.penguinmails.sending.templates;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/** The HTML part made safe (no scripts, handlers or frames) and the text part derived from it. */
public final class HtmlParts {
    private static final Safelist SAFE = Safelist.relaxed().addAttributes(":all", "style")
            .addProtocols("a", "href", "http", "https", "mailto");

    private HtmlParts() { }

    /** The HTML with only what email clients should render: jsoup's relaxed safelist, inline styles allowed. */
    public static String sanitise(String html) {
        return Jsoup.clean(html, "", SAFE, new Document.OutputSettings().prettyPrint(false));
    }

    /** A readable text part: paragraphs and line breaks kept, links written as "text (url)". */
    public static String text(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        StringBuilder out = new StringBuilder();
        walk(doc.body(), out);
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void walk(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.text());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if ("br".equals(tag)) {
                    out.append('\n');
                    continue;
                }
                boolean block = e.isBlock() || "li".equals(tag);
                if (block && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                if ("li".equals(tag)) {
                    out.append("- ");
                }
                walk(e, out);
                if ("a".equals(tag) && e.hasAttr("href") && !e.attr("href").equals(e.text())) {
                    out.append(" (").append(e.attr("href")).append(')');
                }
                if (block) {
                    out.append(tag.equals("p") || tag.matches("h[1-6]") ? "\n\n" : "\n");
                }
            }
        }
    }
}
