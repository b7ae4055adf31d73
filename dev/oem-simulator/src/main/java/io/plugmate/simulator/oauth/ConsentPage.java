package io.plugmate.simulator.oauth;

import io.plugmate.simulator.domain.Vendor;

/** The OEM's login-and-consent page: a plain HTML form posting back to the authorize endpoint. */
final class ConsentPage {

    private ConsentPage() {
    }

    static String render(Vendor vendor, AuthorizeRequest request, String error) {
        String action = "/oem/" + vendor.name().toLowerCase() + "/oauth/authorize";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$s – sign in</title></head>
                <body>
                <h1>%1$s (simulated)</h1>
                <p><strong>%2$s</strong> asks to read your %1$s devices and control their charging.</p>
                %3$s
                <form method="post" action="%4$s">
                  <input type="hidden" name="response_type" value="code">
                  <input type="hidden" name="client_id" value="%2$s">
                  <input type="hidden" name="redirect_uri" value="%5$s">
                  <input type="hidden" name="state" value="%6$s">
                  <input type="hidden" name="scope" value="%7$s">
                  <label>Username <input name="username" autocomplete="username"></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password"></label>
                  <button name="decision" value="approve">Allow</button>
                  <button name="decision" value="deny">Deny</button>
                </form>
                </body></html>
                """.formatted(escape(vendor.brand()), escape(request.clientId()),
                error == null ? "" : "<p role=\"alert\">" + escape(error) + "</p>", action,
                escape(request.redirectUri()), escape(request.state()), escape(request.scope()));
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
