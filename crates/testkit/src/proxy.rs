//! A recording HTTP proxy: forwards every request to the server unchanged and keeps what the
//! client saw, so each response can be checked against the service models.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};

/// One request and the response the client received.
#[derive(Debug, Clone)]
pub(crate) struct Exchange {
    pub(crate) target: Option<String>,
    pub(crate) authorization: Option<String>,
    pub(crate) request_query: String,
    pub(crate) request_body: Vec<u8>,
    pub(crate) status: u16,
    pub(crate) response_body: Vec<u8>,
}

#[derive(Debug, Default)]
struct Shared {
    upstream: Mutex<String>,
    exchanges: Mutex<Vec<Exchange>>,
}

/// The proxy, serving on its own thread and runtime.
#[derive(Debug)]
pub(crate) struct Proxy {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl Proxy {
    pub(crate) fn start(upstream: &str) -> Self {
        let shared = Arc::new(Shared {
            upstream: Mutex::new(upstream.to_owned()),
            ..Shared::default()
        });
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("proxy listener");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let addr = listener.local_addr().expect("proxy address");
        let serving = shared.clone();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("proxy runtime");
            runtime.block_on(serve(listener, serving));
        });
        Self { addr, shared }
    }

    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub(crate) fn retarget(&self, upstream: &str) {
        *self
            .shared
            .upstream
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = upstream.to_owned();
    }

    pub(crate) fn take_exchanges(&self) -> Vec<Exchange> {
        std::mem::take(
            &mut *self
                .shared
                .exchanges
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }
}

async fn serve(listener: std::net::TcpListener, shared: Arc<Shared>) {
    let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
    let client: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let (shared, client) = (shared.clone(), client.clone());
        tokio::spawn(async move {
            let service = service_fn(move |req| forward(req, shared.clone(), client.clone()));
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn forward(
    req: Request<Incoming>,
    shared: Arc<Shared>,
    client: Client<HttpConnector, Full<Bytes>>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = req.into_parts();
    let request_body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let upstream = shared
        .upstream
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let mut out = Request::builder()
        .method(parts.method.clone())
        .uri(format!("{upstream}{path}"));
    for (name, value) in &parts.headers {
        out = out.header(name, value);
    }
    let out = out
        .body(Full::new(request_body.clone()))
        .expect("forwarded request");
    let response = match client.request(out).await {
        Ok(r) => r,
        Err(e) => {
            let mut r = Response::new(Full::new(Bytes::from(format!("proxy: {e}"))));
            *r.status_mut() = hyper::StatusCode::BAD_GATEWAY;
            return Ok(r);
        }
    };
    let (rparts, rbody) = response.into_parts();
    let response_body = rbody
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    shared
        .exchanges
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Exchange {
            target: header("x-amz-target"),
            authorization: header("authorization"),
            request_query: parts.uri.query().unwrap_or("").to_owned(),
            request_body: request_body.to_vec(),
            status: rparts.status.as_u16(),
            response_body: response_body.to_vec(),
        });
    Ok(Response::from_parts(rparts, Full::new(response_body)))
}
