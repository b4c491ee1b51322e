package dev.penguinmails.identity.login;

import java.util.List;
import java.util.Locale;

/**
 * A user agent reduced to its browser family and operating system, e.g. "Chrome on macOS". A few
 * ordered substring rules are enough for that (the order matters: Edge and Opera also say Chrome,
 * Chrome also says Safari), and unlike a full parser they cost nothing at cold start.
 */
public final class UserAgentFamily {
    private static final List<String[]> BROWSERS = List.of(
            new String[] {"edg/", "Edge"}, new String[] {"edga/", "Edge"}, new String[] {"edgios/", "Edge"},
            new String[] {"opr/", "Opera"}, new String[] {"samsungbrowser/", "Samsung Internet"},
            new String[] {"firefox/", "Firefox"}, new String[] {"fxios/", "Firefox"},
            new String[] {"crios/", "Chrome"}, new String[] {"chrome/", "Chrome"}, new String[] {"chromium/", "Chrome"},
            new String[] {"safari/", "Safari"},
            new String[] {"curl/", "curl"}, new String[] {"python-requests", "Python"}, new String[] {"python-urllib", "Python"},
            new String[] {"okhttp", "OkHttp"}, new String[] {"java/", "Java"}, new String[] {"java-http-client", "Java"},
            new String[] {"postmanruntime", "Postman"}, new String[] {"go-http-client", "Go"}, new String[] {"node", "Node.js"});
    private static final List<String[]> SYSTEMS = List.of(
            new String[] {"windows", "Windows"}, new String[] {"iphone", "iOS"}, new String[] {"ipad", "iPadOS"},
            new String[] {"android", "Android"}, new String[] {"cros", "ChromeOS"},
            new String[] {"mac os x", "macOS"}, new String[] {"macintosh", "macOS"}, new String[] {"linux", "Linux"});

    private UserAgentFamily() { }

    /** "Browser on System", "Browser", or "Unknown device". */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = match(ua, BROWSERS);
        String system = match(ua, SYSTEMS);
        if (browser == null && system == null) {
            return "Unknown device";
        }
        if (browser == null) {
            return "A browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String match(String ua, List<String[]> rules) {
        for (String[] rule : rules) {
            if (ua.contains(rule[0])) {
                return rule[1];
            }
        }
        return null;
    }
}
