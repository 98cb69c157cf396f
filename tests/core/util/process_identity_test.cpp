#include "srw/util/process_identity.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

using namespace srw;

TEST(ProcessIdentity, ThisProcessIsAlive) {
    const ProcessIdentity me = currentProcess();
    EXPECT_EQ(me.pid, std::int64_t(::getpid()));
    EXPECT_FALSE(me.host.empty());
    EXPECT_GT(me.startTicks, 0u);
    EXPECT_EQ(processState(me), ProcessState::Alive);
}

TEST(ProcessIdentity, AnExitedChildIsGone) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0)
        ::_exit(0);
    ProcessIdentity who = currentProcess();
    who.pid = child;
    who.startTicks = 0;
    ASSERT_EQ(::waitpid(child, nullptr, 0), child);
    EXPECT_EQ(processState(who), ProcessState::Gone);
}

TEST(ProcessIdentity, AReusedPidIsNotTheRecordedProcess) {
    ProcessIdentity who = currentProcess();
    who.startTicks += 1; // same pid, another start time: a different process
    EXPECT_EQ(processState(who), ProcessState::Gone);
}

TEST(ProcessIdentity, AnotherHostIsUnknown) {
    ProcessIdentity who = currentProcess();
    who.host += "-elsewhere";
    EXPECT_EQ(processState(who), ProcessState::Unknown);
}
