//! The application layer's demos, above TCP: URIs and origins today; DNS,
//! TLS, HTTP, WebSocket, CORS, sessions, load balancing and WebRTC as they
//! arrive.

pub mod browse;
pub mod cors;
pub mod dns;
pub mod http;
pub mod lb;
pub mod session;
pub mod tls;
pub mod uri;
pub mod webrtc;
pub mod websocket;
