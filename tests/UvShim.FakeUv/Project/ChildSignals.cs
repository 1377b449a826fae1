using System.Runtime.InteropServices;

namespace UvShim.FakeUv.Project;

/// <summary>
/// While <c>uv run</c>'s child runs, the signals uv forwards (crates/uv/src/child.rs <c>run_to_completion</c>: SIGINT
/// unless a terminal already sent it to the process group, SIGTERM, SIGHUP, SIGQUIT) go to the child instead of
/// ending the fake.
/// </summary>
internal sealed partial class ChildSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public ChildSignals(int childPid)
    {
        var interactive = Native.IsTerminal(0);
        foreach (var (signal, number) in new[] { (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15), (PosixSignal.SIGHUP, 1), (PosixSignal.SIGQUIT, 3) })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                if (signal != PosixSignal.SIGINT || !interactive)
                {
                    _ = Kill(childPid, number);
                }
            }));
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
