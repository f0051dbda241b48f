#pragma once
// A loopback port for a child process to listen on, for tests and benchmarks.
#include <QHostAddress>
#include <QTcpServer>

#include <set>

namespace pb::test {

// A loopback port nothing listens on now and this process has not handed out before: the kernel
// may give a just-closed port again, so a node's peer and REST ports picked one after the other
// could otherwise be the same.
inline quint16 freeLoopbackPort()
{
    static std::set<quint16> handedOut;
    for (;;) {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        if (handedOut.insert(probe.serverPort()).second) return probe.serverPort();
    }
}

} // namespace pb::test
