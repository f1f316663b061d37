-- CreateTable
CREATE TABLE "RealtimeRoom" (
    "room" VARCHAR(100) NOT NULL,
    "seq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RealtimeRoom_pkey" PRIMARY KEY ("room")
);

-- CreateTable
CREATE TABLE "ClusterInstance" (
    "id" VARCHAR(64) NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,
    "startAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClusterInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PresenceEntry" (
    "socketId" VARCHAR(64) NOT NULL,
    "requestId" UUID NOT NULL,
    "instanceId" VARCHAR(64) NOT NULL,
    "siteId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "displayName" VARCHAR(200) NOT NULL,
    "role" VARCHAR(32) NOT NULL,
    "mode" VARCHAR(16) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PresenceEntry_pkey" PRIMARY KEY ("socketId","requestId")
);

-- CreateTable
CREATE TABLE "socket_io_attachments" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" BYTEA NOT NULL,

    CONSTRAINT "socket_io_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PresenceEntry_requestId_idx" ON "PresenceEntry"("requestId");

-- CreateIndex
CREATE INDEX "PresenceEntry_instanceId_idx" ON "PresenceEntry"("instanceId");
