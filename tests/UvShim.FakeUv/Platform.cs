// The fake reads /proc and calls libc: it is a Linux program.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
