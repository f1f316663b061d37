/** The workers' files, in a directory beside the server bundle (.next/), built and removed with it. */
export const WORKERS_DIRECTORY = "teleradio-workers";
