//! The application layer's demos, above TCP: URIs and origins today; DNS,
//! TLS, HTTP, WebSocket, CORS, sessions, load balancing and WebRTC as they
//! arrive.

pub mod cors;
pub mod http;
pub mod uri;
pub mod websocket;
