//! Compiling a container's system call filter (the `linux.seccomp` section [`crate::seccomp`]
//! writes) into the classic BPF program the kernel runs, for processes the agent starts inside a
//! running container. x86-64 only: calls made through another ABI (32-bit, x32) take the
//! default action. Each rule is a short block that jumps only forward over itself, so the
//! program is as long as the list of calls, never limited by BPF's 8-bit jump offsets.

use serde_json::Value;

use crate::syscalls;

/// `struct seccomp_data` offsets: the call number, the architecture, the arguments.
const NR: u32 = 0;
const ARCH: u32 = 4;
const ARGS: u32 = 16;
/// `AUDIT_ARCH_X86_64`.
const ARCH_X86_64: u32 = 0xc000_003e;
/// Call numbers at or above this are the x32 ABI's.
const X32: u32 = 0x4000_0000;

const LD_ABS: u16 = 0x20; // BPF_LD | BPF_W | BPF_ABS
const JEQ: u16 = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
const JGE: u16 = 0x35; // BPF_JMP | BPF_JGE | BPF_K
const AND: u16 = 0x54; // BPF_ALU | BPF_AND | BPF_K
const RET: u16 = 0x06; // BPF_RET | BPF_K

const RET_ALLOW: u32 = 0x7fff_0000;
const RET_ERRNO: u32 = 0x0005_0000;

/// One instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Insn {
    pub(crate) code: u16,
    pub(crate) jt: u8,
    pub(crate) jf: u8,
    pub(crate) k: u32,
}

const fn insn(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
    Insn { code, jt, jf, k }
}

/// The kernel's return value for an OCI action.
fn action(rule: &Value, default_errno: u32) -> Result<u32, String> {
    let errno = |v: &Value| {
        v.as_u64()
            .and_then(|e| u32::try_from(e).ok())
            .unwrap_or(default_errno)
    };
    match rule["action"].as_str() {
        Some("SCMP_ACT_ALLOW") => Ok(RET_ALLOW),
        Some("SCMP_ACT_ERRNO") => Ok(RET_ERRNO | (errno(&rule["errnoRet"]) & 0xffff)),
        other => Err(format!("unsupported seccomp action {other:?}")),
    }
}

/// The instructions that test one argument condition with the argument's half-word in the
/// accumulator: they fall through when it holds and jump `fail` instructions further (counted
/// from their end) when it does not. `half` is 0 for the low word, 1 for the high.
fn condition(arg: &Value, half: u32) -> Result<(Vec<Insn>, bool), String> {
    let word = |v: u64| -> u32 {
        let shifted = if half == 1 { v >> 32 } else { v };
        u32::try_from(shifted & 0xffff_ffff).unwrap_or(0)
    };
    let value = arg["value"].as_u64().ok_or("condition without a value")?;
    match arg["op"].as_str() {
        Some("SCMP_CMP_EQ") => Ok((vec![insn(JEQ, 0, 0, word(value))], false)),
        Some("SCMP_CMP_NE") => Ok((vec![insn(JEQ, 0, 0, word(value))], true)),
        Some("SCMP_CMP_MASKED_EQ") => {
            let target = arg["valueTwo"].as_u64().unwrap_or(0);
            Ok((
                vec![insn(AND, 0, 0, word(value)), insn(JEQ, 0, 0, word(target))],
                false,
            ))
        }
        other => Err(format!("unsupported seccomp comparison {other:?}")),
    }
}

/// The block for a rule on call `nr` with one argument condition: it returns `ret` when the
/// call and the condition match, and otherwise leaves the call number in the accumulator.
fn conditional(nr: u32, arg: &Value, ret: u32) -> Result<Vec<Insn>, String> {
    let index = arg["index"]
        .as_u64()
        .filter(|i| *i < 6)
        .ok_or("bad argument index")?;
    let offset = ARGS + 8 * u32::try_from(index).unwrap_or(0);
    let (high, negated) = condition(arg, 1)?;
    let (low, _) = condition(arg, 0)?;
    // [jeq nr] [ld high] high… [ld low] low… [ret] [ld nr]
    let mut block = vec![insn(LD_ABS, 0, 0, offset + 4)];
    block.extend(high);
    block.push(insn(LD_ABS, 0, 0, offset));
    let low_at = block.len();
    block.extend(low);
    block.push(insn(RET, 0, 0, ret));
    block.push(insn(LD_ABS, 0, 0, NR));
    let len = block.len();
    let to = |from: usize, target: usize| u8::try_from(target - from - 1).unwrap_or(u8::MAX);
    let (ret_at, reload_at) = (len - 2, len - 1);
    // The comparison ending each half.
    let (high_cmp, low_cmp) = (low_at - 2, ret_at - 1);
    if negated {
        // Not equal: a differing high word matches at once; else the low word decides.
        block[high_cmp].jf = to(high_cmp, ret_at);
        block[low_cmp].jt = to(low_cmp, reload_at);
    } else {
        block[high_cmp].jf = to(high_cmp, reload_at);
        block[low_cmp].jf = to(low_cmp, reload_at);
    }
    let mut out = vec![insn(JEQ, 0, u8::try_from(len).unwrap_or(u8::MAX), nr)];
    out.extend(block);
    Ok(out)
}

/// The program for `profile` (the OCI `linux.seccomp` object).
pub(crate) fn compile(profile: &Value) -> Result<Vec<Insn>, String> {
    let default_errno = profile["defaultErrnoRet"]
        .as_u64()
        .and_then(|e| u32::try_from(e).ok())
        .unwrap_or(1);
    let default = match profile["defaultAction"].as_str() {
        Some("SCMP_ACT_ERRNO") => RET_ERRNO | (default_errno & 0xffff),
        Some("SCMP_ACT_ALLOW") => RET_ALLOW,
        other => return Err(format!("unsupported default action {other:?}")),
    };
    let mut program = vec![
        insn(LD_ABS, 0, 0, ARCH),
        insn(JEQ, 1, 0, ARCH_X86_64),
        insn(RET, 0, 0, default),
        insn(LD_ABS, 0, 0, NR),
        insn(JGE, 0, 1, X32),
        insn(RET, 0, 0, default),
    ];
    for rule in profile["syscalls"].as_array().into_iter().flatten() {
        let ret = action(rule, default_errno)?;
        let args = rule["args"].as_array().map_or(&[][..], Vec::as_slice);
        if args.len() > 1 {
            return Err("rules with more than one argument condition are not supported".into());
        }
        // Names this architecture does not have are skipped, as `runc` does.
        for nr in rule["names"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter_map(syscalls::number)
        {
            match args.first() {
                None => program.extend([insn(JEQ, 0, 1, nr), insn(RET, 0, 0, ret)]),
                Some(arg) => program.extend(conditional(nr, arg, ret)?),
            }
        }
    }
    program.push(insn(RET, 0, 0, default));
    if program.len() > 4096 {
        return Err("the filter is longer than the kernel allows".into());
    }
    Ok(program)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Runs `program` on a call: the value the kernel would act on.
    fn run(program: &[Insn], arch: u32, nr: u32, args: [u64; 6]) -> u32 {
        let word = |offset: u32| -> u32 {
            match offset {
                NR => nr,
                ARCH => arch,
                o if o >= ARGS => {
                    let v = args[usize::try_from((o - ARGS) / 8).unwrap()];
                    let half = if (o - ARGS) % 8 == 4 { v >> 32 } else { v };
                    u32::try_from(half & 0xffff_ffff).unwrap()
                }
                _ => 0,
            }
        };
        let (mut pc, mut acc) = (0usize, 0u32);
        loop {
            let i = program[pc];
            pc += 1;
            match i.code {
                LD_ABS => acc = word(i.k),
                AND => acc &= i.k,
                JEQ => pc += usize::from(if acc == i.k { i.jt } else { i.jf }),
                JGE => pc += usize::from(if acc >= i.k { i.jt } else { i.jf }),
                RET => return i.k,
                other => panic!("unknown instruction {other:#x}"),
            }
        }
    }

    fn nr(name: &str) -> u32 {
        syscalls::number(name).unwrap()
    }

    #[test]
    fn the_default_profile_compiles_and_decides_as_docker_does() {
        let defaults: Vec<String> = ["CAP_CHOWN", "CAP_KILL"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let program = compile(&crate::seccomp::profile(&defaults)).unwrap();
        let eperm = RET_ERRNO | 1;
        let call = |name: &str, args: [u64; 6]| run(&program, ARCH_X86_64, nr(name), args);
        assert_eq!(call("read", [0; 6]), RET_ALLOW);
        assert_eq!(call("execve", [0; 6]), RET_ALLOW);
        assert_eq!(call("mount", [0; 6]), eperm);
        assert_eq!(call("unshare", [0; 6]), eperm);
        assert_eq!(call("clone3", [0; 6]), RET_ERRNO | 38);
        // clone without namespace flags, and with one.
        assert_eq!(call("clone", [0x11, 0, 0, 0, 0, 0]), RET_ALLOW);
        assert_eq!(call("clone", [0x1000_0000, 0, 0, 0, 0, 0]), eperm);
        assert_eq!(call("clone", [0x2000_0011, 0, 0, 0, 0, 0]), eperm);
        // socket: any family but AF_VSOCK.
        assert_eq!(call("socket", [2, 1, 0, 0, 0, 0]), RET_ALLOW);
        assert_eq!(call("socket", [40, 1, 0, 0, 0, 0]), eperm);
        assert_eq!(call("socket", [40 | (1 << 32), 1, 0, 0, 0, 0]), RET_ALLOW);
        // personality: only the listed values.
        assert_eq!(call("personality", [0x8, 0, 0, 0, 0, 0]), RET_ALLOW);
        assert_eq!(call("personality", [0xffff_ffff, 0, 0, 0, 0, 0]), RET_ALLOW);
        assert_eq!(call("personality", [0x4, 0, 0, 0, 0, 0]), eperm);
        // Another ABI, and x32 numbers, take the default.
        assert_eq!(run(&program, 0x4000_0003, 0, [0; 6]), eperm);
        assert_eq!(run(&program, ARCH_X86_64, X32 | nr("read"), [0; 6]), eperm);
    }

    #[test]
    fn capabilities_open_their_calls() {
        let admin = vec!["CAP_SYS_ADMIN".to_owned()];
        let program = compile(&crate::seccomp::profile(&admin)).unwrap();
        assert_eq!(run(&program, ARCH_X86_64, nr("mount"), [0; 6]), RET_ALLOW);
        assert_eq!(
            run(
                &program,
                ARCH_X86_64,
                nr("clone"),
                [0x1000_0000, 0, 0, 0, 0, 0]
            ),
            RET_ALLOW
        );
    }

    #[test]
    fn what_cannot_be_compiled_is_refused() {
        let unknown = json!({"defaultAction": "SCMP_ACT_LOG", "syscalls": []});
        assert!(compile(&unknown).is_err());
        let two = json!({"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
            {"names": ["read"], "action": "SCMP_ACT_ALLOW",
             "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"},
                      {"index": 1, "value": 1, "op": "SCMP_CMP_EQ"}]}]});
        assert!(compile(&two).is_err());
    }
}
