// Stands in for a node in the orphan test: starts a supervisor for the data directory given as
// its argument, prints "REDIS_PID <pid>", then runs until it is killed.
#include "core/storage/RedisSupervisor.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DATADIR\n", argv[0]);
        return 2;
    }
    pb::storage::RedisSupervisor supervisor(QString::fromLocal8Bit(argv[1]));
    QString error;
    if (!supervisor.start(&error)) {
        std::fprintf(stderr, "ERROR %s\n", qPrintable(error));
        return 1;
    }
    std::printf("REDIS_PID %lld\n", static_cast<long long>(supervisor.pid()));
    std::fflush(stdout);
    return app.exec();
}
