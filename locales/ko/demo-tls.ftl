# synack demo tls (src/sim/web/tls/)

demo-tls-about = loopback 위의 실제 TLS handshake (rustls client와 server, rcgen 체인)를 record 바이트에서 읽습니다
demo-tls-opt-version = 양쪽이 허용하는 TLS 버전: 1.3 (round trip 한 번) 또는 1.2 (두 번)
demo-tls-opt-fail = 인증서 검증을 실패시킵니다: 라이브러리의 오류를 그대로 보여 줍니다
demo-tls-opt-now = 인증서를 만들고 검증하는 시각 (RFC 3339; 기본값: SYNACK_NOW, 없으면 2026-01-01T00:00:00Z)
demo-tls-fail-wrong-host = client가 other.test를 요청합니다; leaf에는 example.test만 있습니다
demo-tls-fail-expired = leaf의 유효 기간이 --now보다 열흘 전에 끝났습니다
demo-tls-fail-unknown-ca = client가 다른 root CA를 믿습니다
demo-tls-fail-missing-intermediate = server가 intermediate 없이 leaf만 보냅니다
demo-tls-err-now = --now { $value }: RFC 3339 시각이 아닙니다 (예: { $example }): { $error }

demo-tls-run-title = { $version } handshake: rustls client ↔ rustls server, 127.0.0.1 loopback
demo-tls-intro = client와 server는 같은 프로세스의 두 thread이고, 127.0.0.1에서 OS가 고른 포트로 TCP 연결을 맺은 뒤 rustls로 handshake합니다. client 소켓을 지나간 바이트를 그대로 모아 record header와 handshake 메시지를 읽었습니다. random, 키, 서명은 실행마다 달라지므로 값 대신 역할과 길이만 보여 줍니다. 기준 시각: { $now } (--now).

demo-tls-chain-heading = 인증서 체인: rcgen으로 방금 만듦 (ECDSA P-256)
demo-tls-col-role = 역할
demo-tls-col-validity = 유효 기간
demo-tls-col-sent = server가 보냄
demo-tls-yes = 예
demo-tls-no = 아니요
demo-tls-chain-ok = client는 root CA만 믿습니다(trust store). server는 leaf와 intermediate를 보내고, client는 leaf의 서명을 intermediate의 공개키로, intermediate의 서명을 root의 공개키로 확인합니다: leaf → intermediate → root.
demo-tls-chain-wrong-host = --fail wrong-host: client가 other.test에 접속했다고 생각하지만, leaf의 SAN(subjectAltName)에는 example.test만 있습니다.
demo-tls-chain-expired = --fail expired: leaf의 유효 기간(notAfter)이 기준 시각보다 열흘 앞서 끝났습니다.
demo-tls-chain-unknown-ca = --fail unknown-ca: client가 믿는 root는 다른 CA(some other root CA)뿐입니다. intermediate의 issuer가 trust store에 없으므로 체인이 trust anchor에 닿지 않습니다.
demo-tls-chain-missing-intermediate = --fail missing-intermediate: server가 leaf만 보냅니다. client는 intermediate를 모르므로 leaf에서 root까지 경로를 만들 수 없습니다 (브라우저는 AIA로 받아 오기도 하지만 rustls는 받아 오지 않습니다).

demo-tls-random = 32 bytes (실행마다 다름)
demo-tls-suites = { $count }개
demo-tls-hello-heading = ClientHello: client가 보낸 첫 바이트
demo-tls-hello-fields = ClientHello (record의 바이트에서 읽음)
demo-tls-hello-text = legacy_version 0x0303은 TLS 1.2라고 적혀 있지만, TLS 1.3은 supported_versions extension으로 협상합니다 (RFC 8446 §4.1.2: 옛 middlebox가 모르는 버전 번호에 막히지 않도록).

demo-tls-wire-heading = wire 위의 record들 (client 소켓에서 읽은 순서)
demo-tls-wire-13 = {"{ }"} 안은 암호화된 record입니다. TLS 1.3은 ServerHello 뒤의 모든 record를 바깥 type application_data(23)로 보내므로 무엇이 들었는지 wire에서는 보이지 않습니다. 이름은 RFC 8446 §2가 정한 순서로 붙였습니다.
demo-tls-wire-12 = {"{ }"} 안은 암호화된 record입니다. TLS 1.2는 record type이 그대로 보이고, ChangeCipherSpec 뒤부터 암호화됩니다 (RFC 5246 §7.1).
demo-tls-verify-ok = 체인 검증 leaf → intermediate → root, 이름 { $host }: 통과
demo-tls-verify-failed = 체인 검증 (이름 { $host }): 실패
demo-tls-client-error = rustls 오류 (client)
demo-tls-server-side = server 쪽
demo-tls-response = 응답
demo-tls-response-text = { $bytes } bytes의 HTTP 응답을 받았고 close_notify로 닫혔습니다
demo-tls-encrypted = 암호화됨
demo-tls-ccs-compat = TLS 1.3에서는 의미 없는 호환용 record (RFC 8446 부록 D.4)
demo-tls-plaintext = 평문
demo-tls-record-many = record { $kind } 하나에 메시지 { $count }개, { $what }
demo-tls-record-one = record { $kind }, { $what }

demo-tls-summary-heading = 협상 결과
demo-tls-col-item = 항목
demo-tls-col-value = 값
demo-tls-round-trips = 첫 application byte까지 round trip
demo-tls-handshake-failed = - (handshake 실패)
demo-tls-verification = 검증
demo-tls-passed = 통과
demo-tls-failed = 실패
demo-tls-rtt-13 = TLS 1.3은 ClientHello에 key_share를 미리 실어 보내므로, server의 첫 응답으로 키가 정해지고 client는 Finished와 함께 바로 요청을 보냅니다: 1-RTT.
demo-tls-rtt-12 = TLS 1.2는 ServerHelloDone을 받은 뒤에야 ClientKeyExchange를 보내고, server의 ChangeCipherSpec과 Finished를 받은 다음에 요청을 보냅니다: 2-RTT.
demo-tls-groups = key exchange group: rustls의 ring provider는 X25519, P-256, P-384를 제공하고 post-quantum hybrid는 없습니다. Chrome과 Firefox는 X25519MLKEM768(X25519 + ML-KEM-768)을 기본으로 보냅니다 (rustls에서는 aws-lc-rs provider가 제공).

demo-tls-resumption-heading = resumption과 0-RTT
demo-tls-resumption-13 = handshake 뒤 server가 보낸 NewSessionTicket이 다음 연결의 PSK가 됩니다. 다시 연결할 때 ClientHello에 pre_shared_key를 넣으면 server는 Certificate와 CertificateVerify 없이 답합니다 (RFC 8446 §2.2): 서명 검증이 빠지지만 여전히 1-RTT입니다.
demo-tls-resumption-12 = TLS 1.2의 resumption은 session ID나 session ticket(RFC 5077)으로 하며, 인증서 교환 없이 1-RTT로 줄어듭니다.
demo-tls-early-data = 0-RTT(early data, RFC 8446 §2.3): PSK로 resumption하는 client는 ClientHello와 함께 첫 요청을 보낼 수 있습니다. 그러나 early data는 replay를 막지 못합니다: 공격자가 같은 ClientHello를 다시 보내면 server가 요청을 두 번 처리할 수 있습니다. 그래서 GET처럼 idempotent한 요청에만 쓰고, HTTP에서는 Early-Data: 1 header와 425 Too Early 응답으로 다시 보내게 합니다 (RFC 8470).

# What failed, in the rare error of a socket or a library (after "tls: ").
demo-tls-io-bind = 127.0.0.1:0에 열기
demo-tls-io-connect = 연결하기
demo-tls-io-port = 포트 읽기
demo-tls-io-timeout = timeout 설정하기
demo-tls-what-chain = 인증서 체인 만들기
demo-tls-what-server-config = server 설정
demo-tls-what-server-cert = server 인증서
demo-tls-what-root = root CA
demo-tls-what-client-config = client 설정
demo-tls-what-server-name = server 이름
demo-tls-what-client = client
