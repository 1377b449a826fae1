using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace UvShim.Output;

/// <summary>
/// Serilog, configured in code (Serilog.Settings.Configuration does not work under NativeAOT).
/// The logger is built on the first event that passes the level, so a quiet run pays nothing.
/// </summary>
internal static class ShimLog
{
    private static LogEventLevel _level = LogEventLevel.Warning;
    private static string? _file;
    private static Logger? _logger;

    public static void Configure(LogEventLevel level, string? file)
    {
        _level = level;
        _file = string.IsNullOrEmpty(file) ? null : file;
    }

    public static bool IsEnabled(LogEventLevel level) => level >= _level;

    public static void Debug(string template, params object?[] values) => Write(LogEventLevel.Debug, template, values);

    public static void Warning(string template, params object?[] values) => Write(LogEventLevel.Warning, template, values);

    /// <summary>Flushes the file sink; called before exec, which would drop buffered events.</summary>
    public static void Flush()
    {
        _logger?.Dispose();
        _logger = null;
    }

    private static void Write(LogEventLevel level, string template, object?[] values)
    {
        if (!IsEnabled(level))
            return;
        _logger ??= Create();
        _logger.Write(level, template, values);
    }

    private static Logger Create()
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(_level)
            .WriteTo.Sink(new StdErrSink());
        if (_file is not null)
        {
            configuration = configuration.WriteTo.File(_file,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {ProcessId} {Message:lj}{NewLine}{Exception}");
        }
        return configuration.Enrich.With(new ProcessIdEnricher()).CreateLogger();
    }

    private sealed class StdErrSink : ILogEventSink
    {
        private readonly MessageTemplateTextFormatter _formatter = new("uvshim: {Level:w}: {Message:lj}{NewLine}{Exception}");

        public void Emit(LogEvent logEvent)
        {
            using var writer = new StringWriter();
            _formatter.Format(logEvent, writer);
            StdErr.Write(writer.ToString());
        }
    }

    private sealed class ProcessIdEnricher : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory) =>
            logEvent.AddPropertyIfAbsent(factory.CreateProperty("ProcessId", Environment.ProcessId));
    }
}
