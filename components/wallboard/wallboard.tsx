"use client";

import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import type { MetricId, MetricValues } from "@/lib/metrics/registry";
import { parseScope, WINDOWS, type Scope, type WindowId } from "@/lib/metrics/scope";
import type { Snapshot } from "@/lib/metrics/snapshot";
import { useLiveSnapshot } from "../live/use-live";
import { AgentsView } from "./agents-view";
import { KpiPanel, SettingsLine } from "./kpi-panel";
import { LiveChart } from "./live-chart";
import { MetricTile } from "./metric-tile";
import { QueueTable } from "./queue-table";
import { BoardFrame } from "../wallboards/board-frame";
import { AlertBanner } from "../alerts/alert-banner";
import { AlertProvider } from "../alerts/alert-provider";
import { BOARD_AGENTS, BOARD_FLOW, BOARD_HEADLINE } from "@/lib/metrics/default-board";

const HEADLINE = BOARD_HEADLINE;
const FLOW = BOARD_FLOW;
const AGENTS = BOARD_AGENTS;

function Tiles({ ids, metrics, size }: { ids: readonly MetricId[]; metrics: MetricValues | undefined; size: "xl" | "md" }) {
  return ids.map((id) => <MetricTile key={id} id={id} value={metrics?.[id] ?? null} size={size} />);
}

function WindowSelector({ value, onChange }: { value: WindowId; onChange: (w: WindowId) => void }) {
  const t = useTranslations("Wallboard");
  return (
    <div role="group" aria-label={t("windowLabel")} className="flex gap-1 rounded-lg bg-panel p-1">
      {WINDOWS.map((w) => (
        <button
          key={w}
          type="button"
          data-testid={`window-${w}`}
          aria-pressed={w === value}
          onClick={() => onChange(w)}
          className={`rounded-md px-[0.8em] py-[0.15em] font-semibold transition-colors ${
            w === value ? "bg-ink text-canvas" : "text-ink-dim hover:bg-panel-edge hover:text-ink"
          }`}
        >
          {t(`windows.${w}`)}
        </button>
      ))}
    </div>
  );
}

interface WallboardProps {
  initialWindow: WindowId;
  /** The board's scope: "all", or for a reader limited to queues one of theirs (the server decides). */
  scope?: Scope;
  /** The queues listed in the table; null = every queue the server knows of. */
  queues?: readonly string[] | null;
  /** Shown at the end of the header (account, sign-out). */
  headerEnd?: ReactNode;
  /** TV mode (`?tv=1`): chrome-less, high contrast (components/wallboards/board-frame.tsx). */
  initialTv?: boolean;
}

function ScopeLabel({ scope }: { scope: Scope }) {
  const t = useTranslations("Wallboard");
  const s = parseScope(scope);
  return <span data-testid="board-scope" data-scope={scope} className="text-ink-faint">{s.kind === "all" ? t("scopeAll") : s.kind === "queues" ? s.keys.join(" · ") : s.key}</span>;
}

/** The live board: headline KPIs, flow and agent counts, per-queue table, today's chart. */
export function Wallboard({ initialWindow, scope = "all", queues = null, headerEnd, initialTv = false }: WallboardProps) {
  const t = useTranslations("Wallboard");
  const [windowId, setWindowId] = useState<WindowId>(initialWindow);
  const snapshot = useLiveSnapshot(scope, windowId);
  const metrics = snapshot?.metrics;
  const [view, setView] = useState<View>("board");
  useEffect(() => {
    const asked = new URL(globalThis.location.href).searchParams.get("view");
    if (asked === "kpis" || asked === "agents") setView(asked);
  }, []);

  // Keep choices in the URL, so a TV can be pointed at /wallboard?window=1h&view=kpis.
  const remember = (param: string, value: string) => {
    const url = new URL(globalThis.location.href);
    url.searchParams.set(param, value);
    globalThis.history.replaceState(null, "", url);
  };
  const chooseWindow = (w: WindowId) => {
    setWindowId(w);
    remember("window", w);
  };
  const chooseView = (v: View) => {
    setView(v);
    remember("view", v);
  };

  return (
    <AlertProvider scope={scope}>
      <BoardFrame
        title={
          <>
            Vigie <span className="font-semibold text-ink-dim">· {t("title")}</span>
          </>
        }
        subtitle={<ScopeLabel scope={scope} />}
        initialTv={initialTv}
        controls={
          <>
            <ViewSelector value={view} onChange={chooseView} />
            <WindowSelector value={windowId} onChange={chooseWindow} />
          </>
        }
        headerEnd={headerEnd}
      >
        <section className="grid grid-cols-6 gap-[0.8vw]">
          <Tiles ids={HEADLINE} metrics={metrics} size="xl" />
        </section>

        {view === "kpis" ? (
          <KpiPanel metrics={metrics} settings={snapshot?.settings} />
        ) : view === "agents" ? (
          <AgentsView scope={scope} />
        ) : (
          <BoardBody metrics={metrics} settings={snapshot?.settings} windowId={windowId} scope={scope} queues={queues} />
        )}
      </BoardFrame>
      <AlertBanner />
    </AlertProvider>
  );
}

interface BoardBodyProps {
  metrics: MetricValues | undefined;
  settings: Snapshot["settings"];
  windowId: WindowId;
  scope: Scope;
  queues: readonly string[] | null;
}

/** The default board under the headline: thresholds, flow and agents, queues and today's chart. */
function BoardBody({ metrics, settings, windowId, scope, queues }: BoardBodyProps) {
  const t = useTranslations("Wallboard");
  return (
    <>
      {settings && <SettingsLine settings={settings} />}

      <section className="grid grid-cols-[3fr_4fr] gap-[1.6vw]">
        <div className="grid grid-cols-3 gap-[0.8vw]">
          <Tiles ids={FLOW} metrics={metrics} size="md" />
        </div>
        <div role="group" aria-label={t("agents")} className="relative grid grid-cols-4 gap-[0.8vw] rounded-xl border-2 border-dashed border-panel-edge p-[0.5vw] pt-[1.4vh]">
          <span aria-hidden className="absolute -top-[0.75em] left-[1vw] bg-canvas px-[0.5em] text-[clamp(0.8rem,1vw,1.7rem)] font-semibold uppercase tracking-wide text-ink-dim">
            {t("agents")}
          </span>
          <Tiles ids={AGENTS} metrics={metrics} size="md" />
        </div>
      </section>

      <section className="grid min-h-0 flex-1 grid-cols-[3fr_2fr] gap-[0.8vw]">
        <QueueTable window={windowId} only={queues} />
        <LiveChart scope={scope} />
      </section>
    </>
  );
}

type View = "board" | "kpis" | "agents";

function ViewSelector({ value, onChange }: { value: View; onChange: (v: View) => void }) {
  const t = useTranslations("Wallboard");
  const tl = useTranslations("Live");
  return (
    <div role="group" className="flex gap-1 rounded-lg bg-panel p-1">
      {(["board", "agents", "kpis"] as const).map((v) => (
        <button
          key={v}
          type="button"
          data-testid={`view-${v}`}
          aria-pressed={v === value}
          onClick={() => onChange(v)}
          className={`rounded-md px-[0.8em] py-[0.15em] font-semibold transition-colors ${
            v === value ? "bg-ink text-canvas" : "text-ink-dim hover:bg-panel-edge hover:text-ink"
          }`}
        >
          {v === "agents" ? tl("viewAgents") : t(v === "board" ? "viewBoard" : "viewKpis")}
        </button>
      ))}
    </div>
  );
}
