vcl 4.1;
# Varnish in front of the Peru Support Group's app nodes (docs/deployment.md).
#
# Caches what Django marks `Cache-Control: public` (anonymous GET/HEAD, no
# cookie set: psg.core.middleware.PublicCacheMiddleware) for a day, and relies
# on the site's purges to keep it fresh: Wagtail's front-end cache module sends
# `PURGE <path>` on publish, unpublish, move and delete, and `BAN /` when
# settings or snippets shown on every page change (docs/deployment.md, "Purges").
#
# Edit the marked block for your machines: one backend per app node, its
# address and the site's host name in the probe. `make stack` fills the block
# in for its own two nodes (deploy/local_stack.py).

import directors;
import std;

# Who may PURGE and BAN: this machine and the app nodes. A TLS front on this
# machine must refuse those methods itself (deploy/nginx/psg.conf does).
acl purgers {
    "127.0.0.1";
    "::1";
    # "10.0.0.11";  # app node 1
    # "10.0.0.12";  # app node 2
}

# The TLS front(s) whose X-Real-IP and X-Forwarded-Proto are believed.
acl fronts {
    "127.0.0.1";
    "::1";
}

# BEGIN BACKENDS (deploy/local_stack.py replaces this block)
probe healthz {
    # GET /healthz/ (psg.core.health) answers 200 after a database round trip.
    # The Host must be one of the site's ALLOWED_HOSTS.
    .request =
        "GET /healthz/ HTTP/1.1"
        "Host: www.perusupportgroup.org.uk"
        "Connection: close"
        "User-Agent: varnish-probe";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend node1 {
    .host = "10.0.0.11";
    .port = "8000";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

backend node2 {
    .host = "10.0.0.12";
    .port = "8000";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(node1);
    app.add_backend(node2);
}
# END BACKENDS

sub vcl_recv {
    set req.backend_hint = app.backend();

    # One cache entry per site, whatever port or case the client used; the
    # Host is part of the key, and Django refuses unknown hosts with a 400
    # that is never cached.
    set req.http.Host = std.tolower(regsub(req.http.Host, ":[0-9]+$", ""));
    # Never let a client choose the host Django builds addresses from.
    unset req.http.X-Forwarded-Host;
    unset req.http.Forwarded;
    # The TLS front says who the reader is and whether they came over https;
    # from anyone else, we know better (X-Forwarded-For gets client.ip
    # appended by Varnish itself). The site reads the reader's address from
    # X-Real-IP (PSG_TRUSTED_PROXY_HEADER=HTTP_X_REAL_IP).
    if (client.ip !~ fronts) {
        set req.http.X-Real-IP = client.ip;
        unset req.http.X-Forwarded-Proto;
    } elsif (!req.http.X-Real-IP) {
        set req.http.X-Real-IP = client.ip;
    }
    if (req.http.X-Forwarded-Proto != "https") {
        set req.http.X-Forwarded-Proto = "http";
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every cached variant of the path (?page=2, ?region=…) of this site.
        if (std.ban("obj.http.x-host == " + req.http.Host +
                    " && obj.http.x-path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Everything of this site: settings, menus, footers, promos changed.
        if (std.ban("obj.http.x-host == " + req.http.Host)) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.url ~ "^/(admin|django-admin)/") {
        return (pass);
    }

    # Keep only the site's session and CSRF cookies; analytics and other
    # cookies set by scripts would make every request unique.
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(sessionid|csrftoken)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # Signed-in editors and members see pages made for them.
    if (req.http.Cookie ~ "(^|; )sessionid=") {
        return (pass);
    }

    # Campaign parameters do not change a page; the order of the others
    # should not split the cache. (Most addresses have no query: one match.)
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid)=[^&]*", "\1");
        set req.url = regsuball(req.url, "&+", "&");
        set req.url = regsub(req.url, "[?&]+$", "");
        set req.url = regsub(req.url, "\?&", "?");
        set req.url = std.querysort(req.url);
    }

    # Serve a stale copy for a short while as the fresh one is fetched, or
    # for hours if no node is healthy.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.Host);
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_fetch {
    # A cacheable fetch is made for everyone: no cookie of this reader's.
    if (!bereq.uncacheable) {
        unset bereq.http.Cookie;
    }
}

sub vcl_backend_response {
    # A node that refuses or fails an idempotent request: try another one.
    if (beresp.status >= 500 && bereq.retries < 2 &&
        (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }

    # What a purge looks for (removed again in vcl_deliver).
    set beresp.http.x-host = bereq.http.Host;
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");

    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what Django marked public is cached; never a response that sets a
    # cookie or says private / no-store / no-cache. Hit-for-miss: the next
    # request for it goes straight to a node, and a later public answer is
    # cached again.
    if (beresp.http.Set-Cookie ||
        beresp.http.Cache-Control !~ "(^|,|\s)public(,|\s|$)" ||
        beresp.http.Cache-Control ~ "private|no-store|no-cache") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Purges keep public pages fresh, so keep them a day (an s-maxage from
    # Django wins); browsers still get Django's max-age.
    if (beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.ttl = 1d;
    }
    set beresp.grace = 6h;
    # Only anonymous responses are cached, so a Vary on Cookie would only
    # split the cache by CSRF token.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*Cookie\s*(?=,|$)", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    return (deliver);
}

sub vcl_backend_error {
    # Connection refused or reset (a node killed or restarting): the round
    # robin director hands the retry to the next node.
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-path;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.http.Cache-Control = "no-store";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}
