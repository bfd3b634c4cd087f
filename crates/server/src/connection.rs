//! One client connection's activity: what it is doing now, when bytes last moved, and so when
//! it has been idle long enough to close.
//!
//! A connection is idle when it has started no request for the limit since its last response
//! (a keep-alive connection left open, or a request head never finished), or when a request's
//! body has sent nothing for the limit. A request being handled is never idle, however long
//! its handler takes, and a body that keeps arriving is never cut, however slowly it comes.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// What a connection is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Phase {
    /// Between requests (or reading a request head).
    Waiting = 0,
    /// Reading a request's body.
    Receiving = 1,
    /// Running a request's handler.
    Handling = 2,
}

/// A connection's activity, shared by its I/O and its requests.
#[derive(Debug)]
pub(crate) struct Activity {
    opened: Instant,
    /// Milliseconds from `opened` to the last byte read or written.
    last_io: AtomicU64,
    phase: AtomicU8,
    /// Milliseconds from `opened` to the start of the current phase.
    phase_since: AtomicU64,
    /// Set while a response of ours waits to be written (any other is hyper's own).
    answer_owed: AtomicBool,
}

impl Activity {
    /// A connection opened now, waiting for its first request.
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Self {
            opened: Instant::now(),
            last_io: AtomicU64::new(0),
            phase: AtomicU8::new(Phase::Waiting as u8),
            phase_since: AtomicU64::new(0),
            answer_owed: AtomicBool::new(false),
        })
    }

    fn millis(&self) -> u64 {
        u64::try_from(self.opened.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Notes that bytes moved.
    fn touch(&self) {
        self.last_io.store(self.millis(), Ordering::Relaxed);
    }

    /// Notes that the connection entered `phase`.
    pub(crate) fn enter(&self, phase: Phase) {
        let now = self.millis();
        self.phase_since.store(now, Ordering::Relaxed);
        self.last_io.store(now, Ordering::Relaxed);
        self.phase.store(phase as u8, Ordering::Relaxed);
    }

    /// Notes that a request was answered: the connection waits for the next, and the next
    /// response head written is ours.
    pub(crate) fn answered(&self) {
        self.answer_owed.store(true, Ordering::Relaxed);
        self.enter(Phase::Waiting);
    }

    /// Whether the connection has been idle for at least `limit`.
    pub(crate) fn idle_for(&self, limit: Duration) -> bool {
        let limit = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX);
        let now = self.millis();
        let since = |at: &AtomicU64| now.saturating_sub(at.load(Ordering::Relaxed));
        match self.phase.load(Ordering::Relaxed) {
            p if p == Phase::Waiting as u8 => since(&self.phase_since) >= limit,
            p if p == Phase::Receiving as u8 => since(&self.last_io) >= limit,
            _ => false,
        }
    }
}

/// A stream that notes its reads and writes in an [`Activity`], and gives the bare error
/// responses hyper writes by itself for requests it cannot parse (a head too large, a
/// malformed request line) an AWS error body.
#[derive(Debug)]
pub(crate) struct Watched<S> {
    inner: S,
    activity: Arc<Activity>,
    /// An error response being written in place of hyper's: the bytes, how many are written,
    /// and the length of hyper's to report once done.
    replacing: Option<(Vec<u8>, usize, usize)>,
}

impl<S> Watched<S> {
    /// `inner`, noting its traffic in `activity`.
    pub(crate) fn new(inner: S, activity: Arc<Activity>) -> Self {
        Self {
            inner,
            activity,
            replacing: None,
        }
    }

    /// Starts replacing `head` (of `len` bytes in all) if it is an error response hyper wrote
    /// by itself rather than one of ours.
    fn intercept(&mut self, head: &[u8], len: usize) {
        let error_head = head.starts_with(b"HTTP/1.1 4") || head.starts_with(b"HTTP/1.1 5");
        if self.replacing.is_none()
            && error_head
            && !self.activity.answer_owed.swap(false, Ordering::Relaxed)
        {
            self.replacing = Some((aws_error_response(head), 0, len));
        } else if head.starts_with(b"HTTP/1.1 ") && !head.starts_with(b"HTTP/1.1 1") {
            self.activity.answer_owed.store(false, Ordering::Relaxed);
        }
    }
}

/// The AWS-shaped error response for a bare one hyper wrote (its status line kept).
fn aws_error_response(head: &[u8]) -> Vec<u8> {
    let status_line = head
        .split(|b| *b == b'\r')
        .next()
        .and_then(|l| std::str::from_utf8(l).ok())
        .unwrap_or("HTTP/1.1 400 Bad Request");
    let (code, message) = match status_line.get(9..12) {
        Some("431") => (
            "RequestHeaderFieldsTooLarge",
            "The request's header fields are too large or too many.",
        ),
        Some("414") => ("RequestURITooLong", "The request's URI is too long."),
        _ => ("BadRequest", "The request could not be parsed as HTTP/1.1."),
    };
    let body = format!(r#"{{"__type":"{code}","message":"{message}"}}"#);
    format!(
        "{status_line}\r\ncontent-type: application/x-amz-json-1.1\r\nx-amzn-errortype: {code}\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(result, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.touch();
        }
        result
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        this.intercept(buf, buf.len());
        if this.replacing.is_some() {
            return this.poll_replacement(cx);
        }
        let result = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.note(&result);
        result
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        if let Some(first) = bufs.iter().find(|b| !b.is_empty()) {
            this.intercept(first, bufs.iter().map(|b| b.len()).sum());
        }
        if this.replacing.is_some() {
            return this.poll_replacement(cx);
        }
        let result = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.note(&result);
        result
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

impl<S: AsyncWrite + Unpin> Watched<S> {
    /// Writes the replacement error response; once all of it is out, reports hyper's as
    /// written.
    fn poll_replacement(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<usize>> {
        let Some((bytes, written, reported)) = &mut self.replacing else {
            return Poll::Ready(Ok(0));
        };
        while *written < bytes.len() {
            match Pin::new(&mut self.inner).poll_write(cx, &bytes[*written..]) {
                Poll::Ready(Ok(0)) => {
                    return Poll::Ready(Err(std::io::ErrorKind::WriteZero.into()));
                }
                Poll::Ready(Ok(n)) => *written += n,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        let reported = *reported;
        self.replacing = None;
        self.activity.touch();
        Poll::Ready(Ok(reported))
    }
}

impl<S> Watched<S> {
    fn note(&self, result: &Poll<std::io::Result<usize>>) {
        if matches!(result, Poll::Ready(Ok(n)) if *n > 0) {
            self.activity.touch();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_waiting_and_silent_bodies_count_as_idle() {
        let activity = Activity::new();
        assert!(activity.idle_for(Duration::ZERO));
        assert!(!activity.idle_for(Duration::from_secs(60)));
        activity.enter(Phase::Handling);
        assert!(
            !activity.idle_for(Duration::ZERO),
            "a handler is never idle"
        );
        activity.enter(Phase::Receiving);
        assert!(activity.idle_for(Duration::ZERO));
        assert!(!activity.idle_for(Duration::from_secs(60)));
    }
}
