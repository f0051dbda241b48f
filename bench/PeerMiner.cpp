#include "PeerMiner.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pb::bench {

namespace {

using Clock = std::chrono::steady_clock;

// A thread's first scan is a short fixed-size probe and its second is sized from that probe's
// rough rate (about 1 s); both read low, so only the steady ~5 s scans after them count.
constexpr size_t kWarmUpReports = 2;

double prefixScale(char c)
{
    switch (c) {
    case 'k':
    case 'K':
        return 1e3;
    case 'M':
        return 1e6;
    case 'G':
        return 1e9;
    case 'T':
        return 1e12;
    default:
        return 1;
    }
}

// utime + stime of a running process in seconds, from /proc/<pid>/stat; negative if unreadable.
double processCpuSeconds(pid_t pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/stat";
    FILE* f = std::fopen(path.c_str(), "r");
    if (!f)
        return -1;
    char buf[1024] = {};
    const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    // The command name (field 2) may contain spaces; the fields after its ')' start at 3.
    const char* p = std::strrchr(buf, ')');
    if (!p || n == 0)
        return -1;
    unsigned long long utime = 0, stime = 0;
    if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
        return -1;
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

// Stops the child politely first: cpuminer-opt exits cleanly on SIGINT.
void stopChild(pid_t pid)
{
    kill(pid, SIGINT);
    for (int i = 0; i < 40; ++i) {
        if (waitpid(pid, nullptr, WNOHANG) == pid)
            return;
        usleep(50 * 1000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

} // namespace

bool parsePeerThreadLine(const std::string& line, int* thread, double* hashesPerSecond)
{
    const size_t at = line.find("Thread ");
    if (at == std::string::npos)
        return false;
    const char* p = line.c_str() + at + 7;
    char* end = nullptr;
    const long id = std::strtol(p, &end, 10);
    if (end == p || std::strncmp(end, ", CPU ", 6) != 0)
        return false;
    const char* colon = std::strchr(end, ':');
    if (!colon)
        return false;
    const double value = std::strtod(colon + 1, &end);
    if (end == colon + 1 || *end != ' ')
        return false;
    ++end;
    double scale = 1;
    if (std::strncmp(end, "h/s", 3) != 0 && std::strncmp(end, "H/s", 3) != 0) {
        scale = prefixScale(*end);
        ++end;
        if (scale == 1 || (std::strncmp(end, "h/s", 3) != 0 && std::strncmp(end, "H/s", 3) != 0))
            return false;
    }
    *thread = int(id);
    *hashesPerSecond = value * scale;
    return std::isfinite(*hashesPerSecond);
}

PeerRate runPeerMiner(const std::string& path, unsigned threads, double seconds)
{
    PeerRate result;
    int fds[2];
    if (pipe(fds) != 0) {
        result.error = std::string("pipe: ") + std::strerror(errno);
        return result;
    }
    const std::string threadArg = std::to_string(threads);
    const pid_t pid = fork();
    if (pid < 0) {
        result.error = std::string("fork: ") + std::strerror(errno);
        close(fds[0]);
        close(fds[1]);
        return result;
    }
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        execl(path.c_str(), path.c_str(), "--benchmark", "-a", "sha256d", "-t", threadArg.c_str(), "--hash-meter",
              static_cast<char*>(nullptr));
        std::fprintf(stderr, "cannot run %s: %s\n", path.c_str(), std::strerror(errno));
        _exit(127);
    }
    close(fds[1]);

    std::map<int, std::vector<double>> perThread;
    std::string pending, lastLine;
    // CPU and wall clock from the end of the warm-up: the steady reports cover that stretch.
    double steadyCpu = -1;
    Clock::time_point steadyWall;
    auto warmedUp = [&] {
        if (perThread.size() < threads)
            return false;
        for (const auto& [thread, rates] : perThread) {
            if (rates.size() < kWarmUpReports)
                return false;
        }
        return true;
    };
    const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    bool open = true;
    while (open) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0)
            break;
        pollfd pfd{fds[0], POLLIN, 0};
        if (poll(&pfd, 1, int(left)) <= 0)
            continue;
        char buf[4096];
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n <= 0) {
            open = false;  // the peer exited early; what it printed still counts
            break;
        }
        pending.append(buf, size_t(n));
        size_t newline;
        while ((newline = pending.find('\n')) != std::string::npos) {
            const std::string line = pending.substr(0, newline);
            pending.erase(0, newline + 1);
            int thread = 0;
            double rate = 0;
            if (parsePeerThreadLine(line, &thread, &rate))
                perThread[thread].push_back(rate);
            else if (line.find("Total:") != std::string::npos)
                result.lastTotalLine = line.substr(line.find("Total:"), line.find(',') - line.find("Total:"));
            if (!line.empty())
                lastLine = line;
        }
        if (steadyCpu < 0 && warmedUp()) {
            steadyCpu = processCpuSeconds(pid);
            steadyWall = Clock::now();
        }
    }
    if (steadyCpu >= 0) {
        const double cpu = processCpuSeconds(pid) - steadyCpu;
        const double wall = std::chrono::duration<double>(Clock::now() - steadyWall).count();
        if (cpu >= 0 && wall > 0)
            result.cpusUsed = cpu / wall;
    }
    close(fds[0]);
    stopChild(pid);

    size_t steadyThreads = 0;
    for (const auto& [thread, rates] : perThread) {
        if (rates.size() <= kWarmUpReports)
            continue;
        double sum = 0;
        for (size_t i = kWarmUpReports; i < rates.size(); ++i)
            sum += rates[i];
        const size_t steady = rates.size() - kWarmUpReports;
        result.hashesPerSecond += sum / double(steady);
        result.reports += int(steady);
        ++steadyThreads;
    }
    if (steadyThreads < threads)
        result.error = "read steady rates for " + std::to_string(steadyThreads) + " of " + std::to_string(threads) +
                       " threads; last output line: " + lastLine;
    return result;
}

} // namespace pb::bench
