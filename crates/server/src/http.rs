//! The HTTP edge: listener, connections, body limits, graceful shutdown, and the only code that
//! touches HTTP types.

use std::convert::Infallible;
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming as Body;
use hyper::header::HeaderValue;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use neargate_common::{AwsError, Common, ids};
use neargate_wire::{Encoded, Protocol, encode_error};
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::app::{App, TASK_STOP_PATIENCE};
use crate::cli::{LogFormat, ServeArgs};
use crate::connection::{Activity, Phase, Watched};
use crate::limits::{self, AcceptBackoff};
use crate::{files, pipeline};

/// Starts the server and runs it until SIGINT or SIGTERM.
pub(crate) fn serve(args: ServeArgs) -> anyhow::Result<()> {
    init_logging(args.log_format);
    if args.dev {
        tracing::warn!(
            "DEVELOPMENT MODE: any well-formed SigV4 credentials act as the administrator, and \
             POST /_neargate/reset wipes all state. Do not expose this endpoint."
        );
    }
    let app = App::open(&args)?;
    crate::launcher::start(&app);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(app, args.listen, args.dev))
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("NEARGATE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

async fn run(app: Arc<App>, listen: SocketAddr, dev: bool) -> anyhow::Result<()> {
    match limits::raise_open_file_limit() {
        Ok(files) => tracing::debug!(files, "open file limit"),
        Err(e) => tracing::warn!(error = %e, "could not raise the open file limit"),
    }
    tokio::spawn(limits::return_free_memory());
    let listener = TcpListener::bind(listen).await?;
    let url = format!("http://{}", listener.local_addr()?);
    files::write_endpoint(&app.data_dir, &url)?;
    // The ready line: tests and scripts wait for it. The next says whether tasks run here.
    // Whoever reads them may close standard output after the first: that is no error.
    let tasks = match &app.tasks {
        Ok(offered) => format!("run here ({offered})"),
        Err(cause) => format!("cannot run here: {cause}"),
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "neargate ready on {url}\nneargate tasks: {tasks}");
    let _ = out.flush();
    drop(out);
    tracing::info!(%url, data_dir = %app.data_dir.display(), "listening");
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    let mut backoff = AcceptBackoff::default();
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept(), if connections.len() < app.max_connections => {
                let (stream, remote) = match accepted {
                    Ok(pair) => pair,
                    Err(e) => {
                        tokio::time::sleep(backoff.failed(&e)).await;
                        continue;
                    }
                };
                backoff.succeeded();
                connections.spawn(connection(app.clone(), stream, remote, dev, stop_rx.clone()));
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    tracing::info!("shutting down: finishing requests in flight");
    let _ = stop_tx.send(true);
    while connections.join_next().await.is_some() {}
    let stopping = app.clone();
    let _ = tokio::task::spawn_blocking(move || {
        stopping
            .paused
            .store(true, std::sync::atomic::Ordering::SeqCst);
        crate::launcher::stop_all_tasks(
            &stopping,
            "Neargate is shutting down.",
            TASK_STOP_PATIENCE,
        );
    })
    .await;
    app.recorder.flush();
    tracing::info!("stopped");
    Ok(())
}

/// Serves one connection until it ends, the server stops, or it is idle for the idle timeout
/// (see [`connection::Activity`]). The idle check is one timer per connection, waking every
/// quarter of the limit (at most 30 s), rather than hyper's per-request header timer, which
/// cost about 16% of throughput (docs/benchmarks.md).
async fn connection(
    app: Arc<App>,
    stream: tokio::net::TcpStream,
    remote: SocketAddr,
    dev: bool,
    mut stop: watch::Receiver<bool>,
) {
    let idle_limit = app.idle_timeout;
    let idle_check = (idle_limit / 4).min(Duration::from_secs(30));
    let _ = stream.set_nodelay(true);
    let activity = Activity::new();
    let watched = Watched::new(stream, activity.clone());
    let requests = activity.clone();
    let service = service_fn(move |req| {
        let app = app.clone();
        let activity = requests.clone();
        activity.enter(Phase::Receiving);
        async move {
            let mut response = handle(app.clone(), req, remote, dev, &activity).await;
            activity.answered();
            if app.clock_shifted {
                // Clients correct their clock skew from `Date`: it must be the server's time.
                if let Ok(date) = HeaderValue::from_str(&app.clock.now().to_http_date()) {
                    response.headers_mut().insert(hyper::header::DATE, date);
                }
            }
            Ok::<_, Infallible>(response)
        }
    });
    let conn = http1::Builder::new().serve_connection(TokioIo::new(watched), service);
    tokio::pin!(conn);
    loop {
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, "connection ended with an error");
                }
                return;
            }
            _ = stop.changed() => {
                conn.as_mut().graceful_shutdown();
                let _ = conn.await;
                return;
            }
            () = tokio::time::sleep(idle_check) => {
                if activity.idle_for(idle_limit) {
                    tracing::debug!(%remote, "closing an idle connection");
                    return;
                }
            }
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

async fn handle(
    app: Arc<App>,
    req: Request<Body>,
    remote: SocketAddr,
    dev: bool,
    activity: &Activity,
) -> Response<Full<Bytes>> {
    let request_id = ids::fast_uuid();
    let (parts, body) = req.into_parts();
    let protocol = if parts.headers.contains_key("x-amz-target") {
        Protocol::Json
    } else {
        Protocol::Query
    };
    // moto's server mode resets at `/moto-api/reset`: test suites written for it switch by
    // changing only the endpoint.
    let reset_path = matches!(parts.uri.path(), "/_neargate/reset" | "/moto-api/reset");
    if reset_path && parts.method == hyper::Method::POST {
        return reset(app, dev, &request_id).await;
    }
    // A body declared too large is refused from the head, before any of it is read; the rest
    // wait for room in the budget all bodies share.
    // hyper has read `Content-Length` already: the body's exact size, 0 without one, none for a
    // chunked body.
    let declared = hyper::body::Body::size_hint(&body)
        .exact()
        .and_then(|n| usize::try_from(n).ok());
    if declared.is_some_and(|length| length > app.max_body) {
        let error = limits::body_too_large(app.max_body);
        return respond(encode_error(protocol, "", &error, &request_id), &request_id);
    }
    let _reserved = app
        .body_budget
        .reserve(declared.unwrap_or(app.max_body))
        .await;
    let body = match body_within_limit(body, app.max_body).await {
        Ok(bytes) => bytes,
        Err(error) => return respond(encode_error(protocol, "", &error, &request_id), &request_id),
    };
    activity.enter(Phase::Handling);
    let headers: Vec<(&str, &[u8])> = parts
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_bytes()))
        .collect();
    let incoming = pipeline::Incoming {
        method: parts.method.as_str(),
        path: parts.uri.path(),
        query: parts.uri.query().unwrap_or(""),
        headers: &headers,
        body: &body,
        remote,
        request_id: &request_id,
    };
    // The call's durable writes wait for the disk here, without holding this thread.
    let (encoded, durable) =
        neargate_store::deferring_durability(|| pipeline::run(&app, &incoming));
    if let Err(e) = durable.await {
        tracing::error!(request_id, error = %e, "the call's changes could not be made durable");
        let error = AwsError::internal("InternalFailure");
        return respond(encode_error(protocol, "", &error, &request_id), &request_id);
    }
    tracing::debug!(request_id, status = encoded.status, "request served");
    respond(encoded, &request_id)
}

/// Reads the body, refusing more than `limit` bytes with HTTP 413.
async fn body_within_limit(body: Body, limit: usize) -> Result<Bytes, AwsError> {
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e)
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some() =>
        {
            Err(limits::body_too_large(limit))
        }
        Err(e) => {
            Err(Common::SerializationException
                .with(format!("The request body could not be read: {e}")))
        }
    }
}

async fn reset(app: Arc<App>, dev: bool, request_id: &str) -> Response<Full<Bytes>> {
    if !dev {
        let error = AwsError::with_status(
            404,
            "UnknownOperationException",
            "Reset is only available in development mode (--dev).",
        );
        return respond(
            encode_error(Protocol::Json, "", &error, request_id),
            request_id,
        );
    }
    // Stopping the tasks running here may take their stop timeouts: off the request threads.
    let outcome = tokio::task::spawn_blocking(move || crate::launcher::reset(&app))
        .await
        .unwrap_or_else(|e| Err(anyhow::anyhow!("the reset did not finish: {e}")));
    match outcome {
        Ok(()) => {
            tracing::info!("all state reset");
            let body = br#"{"reset":true}"#.to_vec();
            respond(
                Encoded {
                    status: 200,
                    content_type: "application/json",
                    body,
                    error_type: None,
                },
                request_id,
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "reset failed");
            respond(
                encode_error(
                    Protocol::Json,
                    "",
                    &AwsError::internal("InternalFailure"),
                    request_id,
                ),
                request_id,
            )
        }
    }
}

fn respond(encoded: Encoded, request_id: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(encoded.body)));
    *response.status_mut() =
        StatusCode::from_u16(encoded.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(
        "content-type",
        hyper::header::HeaderValue::from_static(encoded.content_type),
    );
    if let Ok(id) = hyper::header::HeaderValue::from_str(request_id) {
        headers.insert("x-amzn-requestid", id);
    }
    if let Some(code) = encoded
        .error_type
        .and_then(|c| hyper::header::HeaderValue::from_str(&c).ok())
    {
        headers.insert("x-amzn-errortype", code);
    }
    response
}
