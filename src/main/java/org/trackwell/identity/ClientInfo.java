package org.trackwell.identity;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request came from, as recorded with sign-in events. */
public record ClientInfo(String address, String userAgent) {

    public ClientInfo {
        userAgent = userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent;
    }

    public static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return new ClientInfo(request.getRemoteAddr(), agent == null ? "" : agent);
    }
}
