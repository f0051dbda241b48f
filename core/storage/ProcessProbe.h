#pragma once
// Facts about other processes, read from Linux /proc.
#include <QString>

namespace pb::storage {

// True while the process exists and has not exited; a zombie awaiting its parent has exited.
bool isProcessRunning(qint64 pid);
// The process's current directory, or empty when it is gone or belongs to another user.
QString processWorkingDirectory(qint64 pid);
// The kernel's short name for the process (comm), or empty when it is gone.
QString processName(qint64 pid);
// Polls until the process has exited; false if it is still running after timeoutMs.
bool waitForProcessExit(qint64 pid, int timeoutMs);

} // namespace pb::storage
