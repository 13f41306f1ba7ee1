/**
 * A store whose reads may lag its own thread's writes elsewhere (Neo4j, on a cluster): one
 * thread hands its bookmarks to the other, and takes the other's back when its work is done, so
 * the two act as one bookmark manager (read-your-writes after a worker's import).
 */
export interface SharesBookmarks {
  currentBookmarks(): Promise<string[]>;
  learnBookmarks(bookmarks: readonly string[]): Promise<void>;
}
