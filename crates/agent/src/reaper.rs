//! Waiting on containers the agent did not spawn itself. `runc run --detach` starts a container
//! and exits, so the container's init process is re-parented to the nearest "child subreaper":
//! the agent declares itself one, and then waits on each container's init like a child of its
//! own — no `runc` process has to stay alive per container.
#![allow(unsafe_code)]

/// Makes this process the subreaper of its descendants (idempotent).
pub(crate) fn become_subreaper() -> std::io::Result<()> {
    // SAFETY: `prctl(PR_SET_CHILD_SUBREAPER, 1)` only sets a flag of the calling process.
    let result = unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) };
    if result < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// Waits until process `pid` (a child or re-parented descendant) exits; its exit code, or 128 +
/// the signal that killed it (as Docker reports).
pub(crate) fn wait(pid: libc::pid_t) -> std::io::Result<i32> {
    let mut status = 0;
    loop {
        // SAFETY: `status` is a live integer the kernel writes the wait status into.
        let result = unsafe { libc::waitpid(pid, &raw mut status, 0) };
        if result == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
    Ok(if libc::WIFSIGNALED(status) {
        128 + libc::WTERMSIG(status)
    } else {
        libc::WEXITSTATUS(status)
    })
}
