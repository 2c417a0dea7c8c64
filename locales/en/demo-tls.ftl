# synack demo tls (src/sim/web/tls/)

demo-tls-about = A real TLS handshake on loopback (rustls client and server, rcgen chain), read from the record bytes
demo-tls-opt-version = TLS version both ends allow: 1.3 (one round trip) or 1.2 (two)
demo-tls-opt-fail = Make the certificate check fail: the library's own error is shown
demo-tls-opt-now = The time certificates are made and verified at (RFC 3339; default: SYNACK_NOW, else 2026-01-01T00:00:00Z)
demo-tls-fail-wrong-host = The client asks for other.test; the leaf names example.test only
demo-tls-fail-expired = The leaf's validity ended ten days before --now
demo-tls-fail-unknown-ca = The client trusts a different root CA
demo-tls-fail-missing-intermediate = The server sends the leaf without its intermediate
demo-tls-err-now = --now { $value } is not an RFC 3339 timestamp (e.g. { $example }): { $error }

demo-tls-run-title = { $version } handshake: rustls client ↔ rustls server, 127.0.0.1 loopback
demo-tls-intro = The client and the server are two threads of one process: they open a TCP connection on 127.0.0.1, on a port the OS picks, and handshake with rustls. Every byte through the client's socket was kept, and the record headers and handshake messages were read from them. Randoms, keys and signatures change on every run, so roles and lengths are shown instead of values. Reference time: { $now } (--now).

demo-tls-chain-heading = Certificate chain: just made with rcgen (ECDSA P-256)
demo-tls-col-role = Role
demo-tls-col-validity = Validity
demo-tls-col-sent = Sent by server
demo-tls-yes = yes
demo-tls-no = no
demo-tls-chain-ok = The client trusts the root CA only (its trust store). The server sends the leaf and the intermediate; the client checks the leaf's signature with the intermediate's public key and the intermediate's with the root's: leaf → intermediate → root.
demo-tls-chain-wrong-host = --fail wrong-host: the client believes it connected to other.test, but the leaf's SAN (subjectAltName) holds example.test only.
demo-tls-chain-expired = --fail expired: the leaf's validity (notAfter) ended ten days before the reference time.
demo-tls-chain-unknown-ca = --fail unknown-ca: the only root the client trusts is another CA (some other root CA). The intermediate's issuer is not in the trust store, so the chain never reaches a trust anchor.
demo-tls-chain-missing-intermediate = --fail missing-intermediate: the server sends the leaf alone. The client does not know the intermediate, so it cannot build a path from the leaf to the root (browsers sometimes fetch it through AIA; rustls does not).

demo-tls-random = 32 bytes (different on every run)
demo-tls-suites = { $count }
demo-tls-hello-heading = ClientHello: the first bytes the client sent
demo-tls-hello-fields = ClientHello (read from the record's bytes)
demo-tls-hello-text = legacy_version 0x0303 says TLS 1.2, but TLS 1.3 is negotiated in the supported_versions extension (RFC 8446 §4.1.2: so that old middleboxes do not choke on a version number they do not know).

demo-tls-wire-heading = Records on the wire (in the order read from the client's socket)
demo-tls-wire-13 = A record in {"{ }"} is encrypted. TLS 1.3 sends every record after ServerHello with the outer type application_data(23), so the wire does not show what is inside. The names follow the order RFC 8446 §2 lays down.
demo-tls-wire-12 = A record in {"{ }"} is encrypted. TLS 1.2 shows the record type in the clear and encrypts from ChangeCipherSpec on (RFC 5246 §7.1).
demo-tls-verify-ok = Chain verified leaf → intermediate → root, name { $host }: passed
demo-tls-verify-failed = Chain verification (name { $host }): failed
demo-tls-client-error = rustls error (client)
demo-tls-server-side = Server side
demo-tls-response = Response
demo-tls-response-text = a { $bytes }-byte HTTP response received, then closed with close_notify
demo-tls-encrypted = encrypted
demo-tls-ccs-compat = a compatibility record with no meaning in TLS 1.3 (RFC 8446 Appendix D.4)
demo-tls-plaintext = plaintext
demo-tls-record-many = record { $kind } with { $count } messages, { $what }
demo-tls-record-one = record { $kind }, { $what }

demo-tls-summary-heading = Negotiated
demo-tls-col-item = Item
demo-tls-col-value = Value
demo-tls-round-trips = round trips to the first application byte
demo-tls-handshake-failed = - (handshake failed)
demo-tls-verification = verification
demo-tls-passed = passed
demo-tls-failed = failed
demo-tls-rtt-13 = TLS 1.3 sends a key_share in the ClientHello up front, so the keys are set by the server's first answer and the client sends its request together with its Finished: 1-RTT.
demo-tls-rtt-12 = TLS 1.2 sends ClientKeyExchange only after ServerHelloDone, and sends the request after the server's ChangeCipherSpec and Finished: 2-RTT.
demo-tls-groups = key exchange group: rustls's ring provider offers X25519, P-256 and P-384 and no post-quantum hybrid. Chrome and Firefox send X25519MLKEM768 (X25519 + ML-KEM-768) by default (in rustls, the aws-lc-rs provider offers it).

demo-tls-resumption-heading = Resumption and 0-RTT
demo-tls-resumption-13 = The NewSessionTicket the server sent after the handshake becomes the PSK of the next connection. A client that reconnects with a pre_shared_key in its ClientHello gets an answer without Certificate and CertificateVerify (RFC 8446 §2.2): no signature to check, but still 1-RTT.
demo-tls-resumption-12 = TLS 1.2 resumes with a session ID or a session ticket (RFC 5077), down to 1-RTT with no certificate exchange.
demo-tls-early-data = 0-RTT (early data, RFC 8446 §2.3): a client resuming with a PSK may send its first request along with the ClientHello. But early data is not protected against replay: an attacker who sends the same ClientHello again can make the server process the request twice. So it is used for idempotent requests such as GET only, and HTTP has the Early-Data: 1 header and the 425 Too Early response to make the client send it again (RFC 8470).

# What failed, in the rare error of a socket or a library (after "tls: ").
demo-tls-io-bind = binding 127.0.0.1:0
demo-tls-io-connect = connecting
demo-tls-io-port = reading the port
demo-tls-io-timeout = setting a timeout
demo-tls-what-chain = making the certificate chain
demo-tls-what-server-config = server config
demo-tls-what-server-cert = server certificate
demo-tls-what-root = root CA
demo-tls-what-client-config = client config
demo-tls-what-server-name = server name
demo-tls-what-client = client
