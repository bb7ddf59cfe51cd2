//! The machine a benchmark ran on, for the header of its report.
use serde::Serialize;

/// CPU model, cores and memory as Linux reports them; "unknown" / 0 where it cannot tell.
#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    /// CPU model name.
    pub cpu: String,
    /// CPUs this process may run on.
    pub cores: usize,
    /// Total memory in MiB.
    pub memory_mib: u64,
}

impl Machine {
    /// Reads /proc/cpuinfo and /proc/meminfo; a missing or odd file leaves that field unknown.
    pub fn detect() -> Self {
        let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
        Machine {
            cpu: cpu_model(&read("/proc/cpuinfo")).unwrap_or_else(|| "unknown".to_string()),
            cores: std::thread::available_parallelism().map_or(0, usize::from),
            memory_mib: mem_total_kib(&read("/proc/meminfo")).map_or(0, |kib| kib / 1024),
        }
    }
}

/// The value of the first `key : value` line of a /proc file.
fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k.trim() == key).then(|| v.trim())
    })
}

fn cpu_model(cpuinfo: &str) -> Option<String> {
    // x86 names it "model name"; some ARM kernels only "Hardware" or "Processor".
    ["model name", "Hardware", "Processor"]
        .iter()
        .find_map(|k| field(cpuinfo, k))
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

fn mem_total_kib(meminfo: &str) -> Option<u64> {
    kib(meminfo, "MemTotal")
}

/// The value in kB of the first `key: N kB` line of a /proc file (meminfo, PID/status).
pub(crate) fn kib(text: &str, key: &str) -> Option<u64> {
    field(text, key)?.trim_end_matches("kB").trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_proc_files() {
        let cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n";
        assert_eq!(
            cpu_model(cpuinfo).as_deref(),
            Some("Intel(R) Xeon(R) CPU @ 2.20GHz")
        );
        assert_eq!(cpu_model("garbage"), None);
        assert_eq!(
            mem_total_kib("MemTotal:        8136264 kB\nMemFree: 1 kB\n"),
            Some(8_136_264)
        );
        assert_eq!(mem_total_kib("MemTotal: lots"), None);
        let m = Machine::detect();
        assert!(m.cores >= 1 && !m.cpu.is_empty());
    }
}
