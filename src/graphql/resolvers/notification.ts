import type { IResolvers } from 'mercurius';
import { notificationPackets } from '../../domain/notification-packets.js';
import { packetMarkdown } from '../../notify/packet-markdown.js';
import { packetFileName } from '../../notify/write-packets.js';

export const notificationResolvers: IResolvers = {
  Query: {
    notificationPackets: async (
      _,
      { incident, controller }: { incident: string; controller?: string | null },
      { store },
    ) => {
      const { packets } = await notificationPackets(store, incident, controller ?? undefined);
      return packets.map((p) => ({
        ...p.controller,
        incident: p.incident,
        clockStarted: p.clockStarted,
        undisclosed: p.undisclosed,
        obligations: p.obligations,
        markdown: packetMarkdown(p),
        fileName: packetFileName(p.incident.id, p.controller.party, 'md'),
      }));
    },
  },
};
