namespace UvShim.Python;

internal enum InterpreterKind
{
    /// <summary>A venv, or a conda environment that uv treats as one.</summary>
    VirtualEnvironment,
    /// <summary>A system (base) interpreter.</summary>
    System,
}

/// <summary>Where uv would have found the interpreter; decides whether uv accepts a system one.</summary>
internal enum InterpreterSource
{
    PythonOption,
    PythonEnvironmentVariable,
    VirtualEnvVariable,
    CondaPrefix,
    DotVenv,
    SearchPath,
    AskedUv,
}

internal sealed record ResolvedInterpreter(string Executable, InterpreterKind Kind, InterpreterSource Source, string How);
