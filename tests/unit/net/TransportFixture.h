#pragma once
// Loopback helpers for transport tests: a LinkEvents that records everything, and a listening
// plus a dialling ConnectionManager wired to recorders.
#include "core/net/ConnectionManager.h"

#include <QtTest>

#include <functional>
#include <optional>
#include <vector>

namespace pb::net::test {

class LinkRecorder : public LinkEvents {
public:
    struct Frame { PeerId peer; QByteArray data; };
    struct Misbehaviour { PeerId peer; int score; QString reason; };
    struct Closed { PeerId peer; QString reason; };
    struct DialFailure { QString host; quint16 port; QString reason; };

    std::vector<LinkInfo> opened;
    std::vector<Frame> frames;
    std::vector<Misbehaviour> misbehaviour;
    std::vector<Closed> closed;
    std::vector<DialFailure> dialFailures;
    // Called after a frame is recorded, e.g. to act on it from inside the handler.
    std::function<void(PeerId, const QByteArray&)> onFrame;

    void linkOpened(const LinkInfo& link) override { opened.push_back(link); }
    void frameReceived(PeerId peer, const QByteArray& frame) override
    {
        frames.push_back({peer, frame});
        if (onFrame)
            onFrame(peer, frame);
    }
    void linkMisbehaved(PeerId peer, int score, const QString& reason) override
    {
        misbehaviour.push_back({peer, score, reason});
    }
    void linkClosed(PeerId peer, const QString& reason) override { closed.push_back({peer, reason}); }
    void dialFailed(const QString& host, quint16 port, const QString& reason) override
    {
        dialFailures.push_back({host, port, reason});
    }

    bool wasOpened(PeerId peer) const
    {
        return std::any_of(opened.begin(), opened.end(), [peer](const LinkInfo& l) { return l.id == peer; });
    }
    std::optional<QString> closedReason(PeerId peer) const
    {
        for (const Closed& c : closed)
            if (c.peer == peer)
                return c.reason;
        return std::nullopt;
    }
    int closeCount(PeerId peer) const
    {
        return int(std::count_if(closed.begin(), closed.end(), [peer](const Closed& c) { return c.peer == peer; }));
    }
    std::vector<QByteArray> framesFrom(PeerId peer) const
    {
        std::vector<QByteArray> result;
        for (const Frame& f : frames)
            if (f.peer == peer)
                result.push_back(f.data);
        return result;
    }
};

// Every test connection comes from 127.0.0.1, so the per-address and per-subnet limits must
// allow them all.
inline TransportLimits loopbackLimits()
{
    TransportLimits limits;
    limits.maxPerIp = limits.maxInbound;
    limits.maxPerSubnet = limits.maxInbound;
    return limits;
}

// A manager listening on 127.0.0.1 and one dialling it.
struct LoopbackPair {
    explicit LoopbackPair(TransportLimits serverLimits = loopbackLimits(),
                          TransportLimits clientLimits = loopbackLimits())
        : server(serverLimits), client(clientLimits)
    {
        server.setEvents(&serverEvents);
        client.setEvents(&clientEvents);
        QString error;
        port = server.listen(QHostAddress::LocalHost, 0, &error);
        if (port == 0)
            qFatal("cannot listen on loopback: %s", qPrintable(error));
    }

    // Dials the server and waits until the link is open on both sides. Returns the client's
    // id for it, and sets *serverSide to the server's (0 when the server never opened it).
    PeerId dial(PeerId* serverSide = nullptr)
    {
        const size_t serverOpened = serverEvents.opened.size();
        const PeerId id = client.connectTo("127.0.0.1", port);
        if (id == 0)
            return 0;
        QDeadlineTimer deadline(5000);
        while (!clientEvents.wasOpened(id) && !deadline.hasExpired())
            QTest::qWait(5);
        // The server adopts (or refuses) a link before its handshake reply leaves, so by now
        // its side is settled.
        if (serverSide)
            *serverSide = serverEvents.opened.size() > serverOpened ? serverEvents.opened.back().id : 0;
        return id;
    }

    LinkRecorder serverEvents;
    LinkRecorder clientEvents;
    ConnectionManager server;
    ConnectionManager client;
    quint16 port = 0;
};

} // namespace pb::net::test
