#!/usr/bin/env python3
"""Hostile HTTP on raw sockets: each request gets an envelope (validated against
docs/openapi.json) or a clean close, never a crash; the server answers /sandbox/health after each."""
import socket
import sys
import threading
import time

import sandbox_client as sc
from sandbox_client import SEED_UUID, Server, case, check, config, create

AUTH = b"X-Auth-Reseller: r\r\nX-Auth-User: u\r\nX-Auth-Password: p\r\n"


def request(method, target, headers=b"", body=b"", length=True):
    head = b"%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n" % (method, target) + headers
    if length and body:
        head += b"Content-Length: %d\r\n" % len(body)
    return head + b"\r\n" + body


def hostile(s, data, method, path, want=None, rule=None):
    """Sends `data`; the answer is an envelope of a declared status (one of `want`) or the
    connection closes; then the server must still be up. The status, or None for a close."""
    try:
        out = sc.raw(s.port, data, timeout=8)  # past the server's 5 s read timeout
    except socket.timeout:
        raise sc.Failed("%r: neither answered nor closed in 8 s" % data[:80])
    status = None
    if out:
        status, headers, body = sc.parse_raw(out)
        sc.spec().validate(method, path, status, headers, body)
        if want is not None:
            check(status in want, "%r: status %d, want %s" % (data[:80], status, want))
        if rule is not None:
            check(headers.get("x-sandbox-error") == rule, "%r: rule %s, want %s" % (
                data[:80], headers.get("x-sandbox-error"), rule))
    else:
        check(want is None or None in want, "%r: closed without an answer, want %s" % (data[:80], want))
    s.alive()
    return status


def envelope_on(sock):
    """The bytes read on `sock` until an envelope's last member has come, or it closes."""
    out = b""
    while b'"status_message"' not in out:
        chunk = sock.recv(65536)
        if not chunk:
            break
        out += chunk
    return out


def untouched(s, bundles=0, balance=10000):
    check(len(s.ok("GET", "/voip/bundle")) == bundles and sc.balance(s) == balance, "nothing was done")


@case
def big_body():
    with Server(config()) as s:
        body = b'{"bundle_type": 1, "pad": "' + b"x" * (17 * 1024) + b'"}'
        for path in (b"/voip/bundle", b"/sandbox/clock", b"/voip/bundle/%s" % SEED_UUID.encode()):
            method = b"PUT" if path.count(b"/") == 3 else b"POST"
            hostile(s, request(method, path, AUTH, body), method.decode(), path.decode(), {413, None})
        # announced, not sent: refused before reading it
        t = time.time()
        hostile(s, request(b"POST", b"/voip/bundle", AUTH + b"Content-Length: 1000000\r\n", length=False),
                "POST", "/voip/bundle", {413, None})
        # httplib skips (reads) the announced body before it answers: the 5 s read timeout here
        check(time.time() - t < 8, "a too large Content-Length is refused within the read timeout")
        chunked = b"".join(b"1000\r\n" + b" " * 4096 + b"\r\n" for _ in range(5)) + b"0\r\n\r\n"
        hostile(s, request(b"POST", b"/voip/bundle", AUTH + b"Transfer-Encoding: chunked\r\n") + chunked,
                "POST", "/voip/bundle", {413, None})
        # just under the limit is read, and judged on its content
        pad = b'{"bundle_type": 1, "pad": "' + b"x" * (16 * 1024 - 100) + b'"}'
        hostile(s, request(b"POST", b"/voip/bundle", AUTH, pad), "POST", "/voip/bundle", {201})
        untouched(s, 1, 8500)


@case
def big_headers():
    with Server(config()) as s:
        many = b"".join(b"X-Pad-%d: %s\r\n" % (i, b"a" * 1000) for i in range(10))
        hostile(s, request(b"GET", b"/sandbox/health", many), "GET", "/sandbox/health", {431, None})
        hostile(s, request(b"POST", b"/voip/bundle", AUTH + many, b'{"bundle_type": 1}'), "POST", "/voip/bundle",
                {431, None})
        one = b"X-Pad: " + b"a" * 9000 + b"\r\n"
        hostile(s, request(b"GET", b"/sandbox/health", one), "GET", "/sandbox/health", {400, 431, None})
        hostile(s, request(b"GET", b"/" + b"a" * 9000), "GET", "/" + "a" * 9000, {414, 400, None})
        under = b"".join(b"X-Pad-%d: %s\r\n" % (i, b"a" * 700) for i in range(10))
        hostile(s, request(b"GET", b"/sandbox/health", under), "GET", "/sandbox/health", {200})
        untouched(s)


@case
def many_headers():
    with Server(config()) as s:
        def headers(n):  # n headers in all, Host and the credentials among them
            return AUTH + b"".join(b"X-H%d: v\r\n" % i for i in range(n - 4))
        hostile(s, request(b"GET", b"/voip/bundle", headers(100)), "GET", "/voip/bundle", {200})
        hostile(s, request(b"GET", b"/voip/bundle", headers(101)), "GET", "/voip/bundle", {431, None},
                "too_many_headers")
        hostile(s, request(b"POST", b"/voip/bundle", headers(1000), b'{"bundle_type": 1}'), "POST", "/voip/bundle",
                {431, None})
        untouched(s)


@case
def malformed_request_line():
    with Server(config(), timeout_ms=1000) as s:  # a request cut short waits out the timeout
        for line in (b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET /sandbox/health\r\n\r\n", b"GET /sandbox/health HTTP/9.9\r\n\r\n",
                     b"GET  /sandbox/health  HTTP/1.1\r\n\r\n", b"\x00\x01\x02\x03\r\n\r\n", b"\r\n\r\n\r\n",
                     b"GET sandbox/health HTTP/1.1\r\nHost: x\r\n\r\n", b"GET http://x/sandbox/health HTTP/1.1\r\n\r\n",
                     b"GET /sandbox/health HTTP/1.1\nHost: x\n\n", b"GET /sandbox/health HTTP/1.1\r\nNo colon here\r\n\r\n",
                     b"GET /sandbox/health?x#frag HTTP/1.1\r\n\r\n", b"GET /sandbox/health HTTP/1.1\r\n" + b"x" * 100):
            hostile(s, line, "GET", "/sandbox/health", {400, 408, None, 200})  # 408: cut short, at its deadline
        hostile(s, b"POST /voip/bundle HTTP/1.1\r\n" + AUTH + b"Content-Length: -5\r\n\r\n{}", "POST", "/voip/bundle",
                {400, 413, None})
        hostile(s, b"POST /voip/bundle HTTP/1.1\r\n" + AUTH + b"Content-Length: abc\r\n\r\n{}", "POST", "/voip/bundle",
                {400, None})
        untouched(s)


@case
def head_framing():
    """What httplib's parser lets through (RFC 9112): two different Content-Length values,
    HTTP/1.1 without Host, Host twice, a header line without a colon, with a space before
    it or folded, Content-Length beside chunked: 400 naming the rule, nothing done."""
    with Server(config()) as s:
        body = b'{"bundle_type": 1}'
        length = b"Content-Length: %d\r\n" % len(body)
        for head, rule in ((AUTH + length + b"Content-Length: 5\r\n", "invalid_content_length"),
                           (AUTH + b"Content-Length: %d, 5\r\n" % len(body), "invalid_content_length"),
                           (AUTH + b"Content-Length: +18\r\n", "invalid_content_length"),
                           (AUTH + length + b"No colon here\r\n", "malformed_header_line"),
                           (AUTH + length + b"X-Space : v\r\n", "malformed_header_line"),
                           (AUTH + length + b"X-A: v\r\n folded\r\n", "malformed_header_line"),
                           (AUTH + length + b"X-Bare: lf\n", "malformed_header_line"),
                           (AUTH + length + b"Host: y\r\n", "duplicate_host"),
                           (AUTH + length + b"Transfer-Encoding: chunked\r\n", "content_length_with_chunked")):
            hostile(s, request(b"POST", b"/voip/bundle", head, body, length=False), "POST", "/voip/bundle", {400}, rule)
        no_host = b"POST /voip/bundle HTTP/1.1\r\n" + AUTH + length + b"\r\n" + body
        hostile(s, no_host, "POST", "/voip/bundle", {400}, "missing_host")
        hostile(s, b"GET /sandbox/health HTTP/1.1\r\n\r\n", "GET", "/sandbox/health", {400}, "missing_host")
        untouched(s)
        # still accepted: HTTP/1.0 without Host, the same Content-Length twice (RFC 9112 6.3)
        hostile(s, b"GET /sandbox/health HTTP/1.0\r\n\r\n", "GET", "/sandbox/health", {200})
        hostile(s, request(b"POST", b"/voip/bundle", AUTH + length + length, body, length=False), "POST",
                "/voip/bundle", {201})
        untouched(s, 1, 8500)


@case
def one_connection():
    """Pipelined requests are answered in order; a refusal whose body was not read, and a GET
    that came with a body, close the connection instead of reading the rest as a request."""
    with Server(config()) as s:
        body = b'{"bundle_type": 1}'
        two = request(b"POST", b"/voip/bundle", AUTH, body) + request(b"POST", b"/voip/bundle", AUTH, body)
        out = sc.raw(s.port, two + request(b"GET", b"/voip/bundle", AUTH + b"Connection: close\r\n"), read_all=True)
        check(out.count(b"HTTP/1.1 201 ") == 2 and out.count(b"HTTP/1.1 200 ") == 1, "three answers: %r" % out[:300])
        untouched(s, 2, 7000)
        for first in (request(b"POST", b"/voip/bundle", AUTH + b"Content-Length: 100000\r\n", length=False),
                      request(b"GET", b"/voip/bundle", AUTH, b"GET /voip/bundle HTTP/1.1\r\n\r\n")):
            t = time.time()
            out = sc.raw(s.port, first + request(b"GET", b"/sandbox/health"), read_all=True, timeout=8)
            check(out.count(b"HTTP/1.1 ") == 1 and b"Connection: close" in out and time.time() - t < 2,
                  "one answer, then the connection closed at once: %r" % out[:300])
        s.alive()


@case
def bad_percent_encoding():
    with Server(config()) as s:
        create(s, 1, False, SEED_UUID)
        for target, path in ((b"/voip/bundle/%zz", "/voip/bundle/x"), (b"/sandbox/health%zz", "/nowhere"),
                             (b"/voip/bundle/%", "/voip/bundle/x"), (b"/voip/bundle/%4", "/voip/bundle/x"),
                             (b"/voip/bundle/a%00b", "/voip/bundle/x"), (b"/voip%2Fbundle", "/nowhere"),
                             (b"/voip/bundle/%s%%2Frenew" % SEED_UUID.encode(), "/voip/bundle/x"),
                             (b"/voip/bundle/\xff\xfe", "/voip/bundle/x")):
            hostile(s, request(b"GET", target, AUTH), "GET", path, {400})
        uuid = b"%30" + SEED_UUID[1:].encode()  # %30 is "0": decoded, it is the bundle's uuid
        check(hostile(s, request(b"GET", b"/voip/bundle/" + uuid, AUTH), "GET", "/voip/bundle/x") == 200, "decoded")
        hostile(s, request(b"GET", b"/sandbox/events?after=%zz", AUTH), "GET", "/sandbox/events", {400})
        check(hostile(s, request(b"GET", b"/sandbox/events?after=%30", AUTH), "GET", "/sandbox/events") == 200, "ok")


@case
def dot_segments():
    with Server(config()) as s:
        for target in (b"/voip/../sandbox/health", b"/sandbox/./health", b"/voip/bundle/..", b"/voip/bundle/%2e%2e",
                       b"/voip/bundle/%2E/renew", b"/sandbox/health/..", b"/./sandbox/health", b"/voip/bundle/../../openapi.json"):
            hostile(s, request(b"GET", target, AUTH), "GET", "/nowhere", {400}, "dot_segment_in_path")
        hostile(s, request(b"GET", b"//sandbox/health"), "GET", "//sandbox/health", {404})
        hostile(s, request(b"GET", b"/sandbox/health/"), "GET", "/sandbox/health/", {404})


@case
def no_content_length():
    # RFC 9112 6.3: no Content-Length and no Transfer-Encoding is an empty body, answered at once.
    with Server(config()) as s:
        uuid = create(s, 1, False)["uuid"]
        sc.move_clock(s, today="2018-08-30")
        for path, want in ((b"/voip/bundle/%s/renew" % uuid.encode(), 200), (b"/voip/bundle", 400), (b"/sandbox/reset", 200)):
            t = time.time()
            check(hostile(s, request(b"POST", path, AUTH), "POST", path.decode()) == want, "POST %s" % path)
            check(time.time() - t < 2, "POST %s without Content-Length waited %.1f s" % (path, time.time() - t))


@case
def unread_body_closes():
    """A body httplib does not read (a GET's or an OPTIONS', a DELETE's sent chunked): one
    answer, then the connection closes, so the body's bytes are never taken for a next request."""
    with Server(config()) as s:
        smuggled = request(b"GET", b"/sandbox/health")
        for method, path in ((b"DELETE", b"/voip/bundle/" + SEED_UUID.encode()), (b"GET", b"/sandbox/health"),
                             (b"OPTIONS", b"/voip/bundle")):
            for framing in (b"Transfer-Encoding: chunked\r\n", b"Content-Length: %d\r\n" % len(smuggled)):
                if method == b"DELETE" and framing.startswith(b"Content-Length"):
                    continue  # httplib reads a DELETE's body by its length
                out = sc.raw(s.port, request(method, path, AUTH + framing) + smuggled, timeout=8, read_all=True)
                check(out.count(b"HTTP/1.1 ") == 1, "%s %s with %r: %d answers" % (method, path, framing, out.count(b"HTTP/1.1 ")))
                s.alive()


@case
def wrong_methods():
    with Server(config()) as s:
        for method, path, allow in ((b"DELETE", b"/voip/bundle", "GET, POST"), (b"DELETE", b"/voip/bundle/" + SEED_UUID.encode(), "GET, PUT"),
                                    (b"PATCH", b"/voip/bundle/x/renew", "POST"), (b"OPTIONS", b"/sandbox/events", "GET"),
                                    (b"PUT", b"/openapi.json", "GET"), (b"DELETE", b"/sandbox/reset", "POST")):
            out = sc.raw(s.port, request(method, path, AUTH))
            status, headers, body = sc.parse_raw(out)
            sc.spec().validate(method.decode(), path.decode(), status, headers, body)
            check(status == 405 and headers.get("allow") == allow, "%s %s: %d %s" % (method, path, status, headers))
            s.alive()
        hostile(s, request(b"DELETE", b"/nowhere"), "DELETE", "/nowhere", {404})
        untouched(s)


@case
def unknown_method():
    with Server(config()) as s:
        for method in (b"BREW", b"get", b"PROPFIND", b"CONNECT", b"TRACE", b"G\x00T", b"X" * 300):
            hostile(s, request(method, b"/sandbox/health", AUTH), method.decode("latin-1"), "/sandbox/health",
                    {400, 405, None})
        hostile(s, request(b"BREW", b"/voip/bundle", AUTH, b'{"bundle_type": 1}'), "BREW", "/voip/bundle", {400, 405, None})
        untouched(s)


@case
def non_utf8():
    with Server(config(customers=("acme",))) as s:
        for body in (b"\xff\xfe\x00\x80", b'{"bundle_type": 1, "x": "\xff"}', b'{"bundle_type": 1, "\xc3\x28": 1}',
                     b'{"bundle_type": 1, "x": "\xed\xa0\x80"}', b'\xef\xbb\xbf{"bundle_type": 1}', b'{"bundle_type": 1\x00}'):
            hostile(s, request(b"POST", b"/voip/bundle", AUTH, body), "POST", "/voip/bundle", {400})
            hostile(s, request(b"POST", b"/sandbox/clock", AUTH, body), "POST", "/sandbox/clock", {400})
            hostile(s, request(b"PUT", b"/voip/bundle/" + SEED_UUID.encode(), AUTH, body), "PUT", "/voip/bundle/x", {400})
        hostile(s, request(b"GET", b"/voip/bundle", AUTH + b"X-Auth-For: \xff\xfe\r\n"), "GET", "/voip/bundle", {400})
        hostile(s, request(b"GET", b"/voip/bundle", b"X-Auth-Reseller: \xff\r\nX-Auth-User: u\r\nX-Auth-Password: p\r\n"),
                "GET", "/voip/bundle", {401})
        hostile(s, request(b"POST", b"/voip/bundle", AUTH + b"Idempotency-Key: k\xff\r\n", b'{"bundle_type": 1}'),
                "POST", "/voip/bundle", {400}, "invalid_idempotency_key")
        hostile(s, request(b"POST", b"/voip/bundle", AUTH + b"X-Sandbox-Uuid: \xff\r\n", b'{"bundle_type": 1}'),
                "POST", "/voip/bundle", {400})
        hostile(s, request(b"GET", b"/sandbox/health", b"X-Whatever: \x80\x81\r\n"), "GET", "/sandbox/health", {200})
        untouched(s)


@case
def slow_client():
    with Server(config()) as s:
        slow = socket.create_connection(("127.0.0.1", s.port), timeout=10)
        data = request(b"POST", b"/voip/bundle", AUTH, b'{"bundle_type": 1}')
        sent = threading.Event()

        def trickle():
            for i in range(6):  # a byte a second
                slow.sendall(data[i:i + 1])
                sent.set()
                time.sleep(1)

        t = threading.Thread(target=trickle)
        t.start()
        sent.wait(5)
        worst = 0.0
        c = s.conn(timeout=5)
        while t.is_alive():  # another client, on its own connection, answered promptly meanwhile
            t0 = time.time()
            r = sc.exchange(c, "GET", "/sandbox/account", None, dict(s.creds))
            worst = max(worst, time.time() - t0)
            check(r.status == 200, "%r" % r)
            time.sleep(0.2)
        c.close()
        t.join()
        check(worst < 0.5, "another client waited %.2f s while one trickled" % worst)
        slow.sendall(data[6:])  # finished at last, the slow request is answered as any other
        slow.settimeout(5)
        out = envelope_on(slow)
        slow.close()
        if out:
            status, headers, body = sc.parse_raw(out)
            sc.spec().validate("POST", "/voip/bundle", status, headers, body)
        s.alive()


@case
def idle_client():
    with Server(config(), timeout_ms=1000) as s:  # the 5 s default shortened: the same cut, sooner
        idle = socket.create_connection(("127.0.0.1", s.port), timeout=15)
        half = socket.create_connection(("127.0.0.1", s.port), timeout=15)
        half.sendall(b"GET /sandbox/health HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        t0 = time.time()
        for sock, what in ((idle, "an idle client"), (half, "a half-sent request")):
            out = b""
            try:
                while True:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    out += chunk
                    if b'"status_message"' in out:  # answered: enough
                        break
            except socket.timeout:
                raise sc.Failed("%s was not cut after %.1f s" % (what, time.time() - t0))
            except ConnectionResetError:
                pass
            if out:
                status, headers, body = sc.parse_raw(out)
                sc.spec().validate("GET", "/nowhere", status, headers, body)
            sock.close()
        waited = time.time() - t0
        check(0.9 < waited < 3, "cut after %.1f s, by the 1 s timeout" % waited)
        print("idle connections cut after %.1f s" % waited)
        s.alive()


@case
def expect_continue():
    """A client that sends `Expect: 100-continue` waits for the interim answer before its
    body (curl, PHP's curl on larger bodies): it comes at once, then the body's answer."""
    with Server(config()) as s:
        body = b'{"bundle_type": 1}'
        head = request(b"POST", b"/voip/bundle", AUTH + b"Expect: 100-continue\r\nContent-Length: %d\r\n" % len(body),
                       length=False)
        sock = socket.create_connection(("127.0.0.1", s.port), timeout=3)
        try:
            sock.sendall(head)
            t = time.time()
            interim = sock.recv(4096)
            check(interim.startswith(b"HTTP/1.1 100 Continue"), "the interim answer: %r" % interim[:80])
            check(time.time() - t < 1, "100 Continue after %.2f s" % (time.time() - t))
            sock.sendall(body)
            out = envelope_on(sock)
        finally:
            sock.close()
        check(b"HTTP/1.1 201 " in out, "the create's answer: %r" % out[:200])
        check(len(s.ok("GET", "/voip/bundle")) == 1 and sc.balance(s) == 8500, "one create, charged once")


if __name__ == "__main__":
    sys.exit(sc.main())
