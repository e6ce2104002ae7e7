import { lazy, Suspense, useEffect, useRef } from 'react';
import { BrowserRouter, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './app-errors.tsx';
import { useLang } from './i18n.ts';
import { SessionProvider, sessionRoleHint, useSession, type Role } from './modules/accounts/session.tsx';
import { ContactsPage } from './pages/contacts.page.tsx';
import { HomePage } from './pages/home.page.tsx';
import { LoginPage } from './pages/login.page.tsx';
import { ForbiddenPage, LoginRedirect, NotFoundPage } from './pages/status-pages.tsx';
import { Alert } from './ui/alert.tsx';
import { cx } from './ui/cx.ts';
import { Footer } from './ui/footer.tsx';
import { Header } from './ui/header.tsx';
import { LanguageSwitch } from './ui/language-switch.tsx';
import { menuFor, type NavGroup, type NavGroupSpec, type NavItem } from './ui/nav-groups.ts';
import { focusHeadingWhenShown, Loading } from './ui/primitives.tsx';
import { SideNav } from './ui/side-nav.tsx';
import { SkipLink } from './ui/skip-link.tsx';

// Pages behind login (and the registration form, which carries the shared zod schemas) load on demand.
const AuditPage = lazy(() => import('./pages/audit.page.tsx').then((m) => ({ default: m.AuditPage })));
const CompaniesPage = lazy(() => import('./pages/companies.page.tsx').then((m) => ({ default: m.CompaniesPage })));
const CompanyDetailPage = lazy(() => import('./pages/company-detail.page.tsx').then((m) => ({ default: m.CompanyDetailPage })));
const DashboardPage = lazy(() => import('./pages/dashboard.page.tsx').then((m) => ({ default: m.DashboardPage })));
const OrganisationDetailPage = lazy(() => import('./pages/organisation-detail.page.tsx').then((m) => ({ default: m.OrganisationDetailPage })));
const PeoplePage = lazy(() => import('./pages/people.page.tsx').then((m) => ({ default: m.PeoplePage })));
const PersonDetailPage = lazy(() => import('./pages/person-detail.page.tsx').then((m) => ({ default: m.PersonDetailPage })));
const OrganisationsPage = lazy(() => import('./pages/organisations.page.tsx').then((m) => ({ default: m.OrganisationsPage })));
const RegisterPage = lazy(() => import('./pages/register.page.tsx').then((m) => ({ default: m.RegisterPage })));
const RegistrationsPage = lazy(() => import('./pages/registrations.page.tsx').then((m) => ({ default: m.RegistrationsPage })));
const CriteriaCheckPage = lazy(() => import('./pages/criteria-check.page.tsx').then((m) => ({ default: m.CriteriaCheckPage })));
const CriteriaScreeningPage = lazy(() => import('./pages/criteria-screening.page.tsx').then((m) => ({ default: m.CriteriaScreeningPage })));
const CriteriaParametersPage = lazy(() => import('./pages/criteria-parameters.page.tsx').then((m) => ({ default: m.CriteriaParametersPage })));
const CriteriaContractsPage = lazy(() => import('./pages/criteria-contracts.page.tsx').then((m) => ({ default: m.CriteriaContractsPage })));
const CriteriaExchangeHistoryPage = lazy(() => import('./pages/criteria-exchange-history.page.tsx').then((m) => ({ default: m.CriteriaExchangeHistoryPage })));
const ExchangePlannerPage = lazy(() => import('./pages/exchange-planner.page.tsx').then((m) => ({ default: m.ExchangePlannerPage })));
const ExchangeListPage = lazy(() => import('./pages/exchange-list.page.tsx').then((m) => ({ default: m.ExchangeListPage })));
const ExchangeQueuePage = lazy(() => import('./pages/exchange-queue.page.tsx').then((m) => ({ default: m.ExchangeQueuePage })));
const ExchangeNewPage = lazy(() => import('./pages/exchange-new.page.tsx').then((m) => ({ default: m.ExchangeNewPage })));
const ExchangeDetailPage = lazy(() => import('./pages/exchange-detail.page.tsx').then((m) => ({ default: m.ExchangeDetailPage })));
const OutboxPage = lazy(() => import('./pages/outbox.page.tsx').then((m) => ({ default: m.OutboxPage })));
const OutboxMailPage = lazy(() => import('./pages/outbox.page.tsx').then((m) => ({ default: m.OutboxMailPage })));
const PublicCallPage = lazy(() => import('./pages/public-call.page.tsx').then((m) => ({ default: m.PublicCallPage })));
const CallReviewPage = lazy(() => import('./pages/call-review.page.tsx').then((m) => ({ default: m.CallReviewPage })));
const RosterPage = lazy(() => import('./pages/roster.page.tsx').then((m) => ({ default: m.RosterPage })));
const ConsultationsPage = lazy(() => import('./pages/consultations.page.tsx').then((m) => ({ default: m.ConsultationsPage })));
const ConsultationDetailPage = lazy(() => import('./pages/consultation-detail.page.tsx').then((m) => ({ default: m.ConsultationDetailPage })));
// 問合せ窓口 (issue 5): the inquiries list and each thread.
const InquiriesPage = lazy(() => import('./pages/inquiries.page.tsx').then((m) => ({ default: m.InquiriesPage })));
const InquiryDetailPage = lazy(() => import('./pages/inquiry-detail.page.tsx').then((m) => ({ default: m.InquiryDetailPage })));
// 説明会 (issue 5): the public list and event pages, and the organisers' pages.
const EventsPage = lazy(() => import('./pages/events.page.tsx').then((m) => ({ default: m.EventsPage })));
const EventDetailPage = lazy(() => import('./pages/event-detail.page.tsx').then((m) => ({ default: m.EventDetailPage })));
const EventsManagePage = lazy(() => import('./pages/events-manage.page.tsx').then((m) => ({ default: m.EventsManagePage })));
const EventManagePage = lazy(() => import('./pages/event-manage.page.tsx').then((m) => ({ default: m.EventManagePage })));
// 交流希望情報 (issue 5): the public listing and sheets, one's own sheets, the interested companies.
const WishesPage = lazy(() => import('./pages/wishes.page.tsx').then((m) => ({ default: m.WishesPage })));
const WishSheetPage = lazy(() => import('./pages/wish-sheet.page.tsx').then((m) => ({ default: m.WishSheetPage })));
const MyWishesPage = lazy(() => import('./pages/my-wishes.page.tsx').then((m) => ({ default: m.MyWishesPage })));
const WishNewPage = lazy(() => import('./pages/wish-edit.page.tsx').then((m) => ({ default: m.WishNewPage })));
const WishEditPage = lazy(() => import('./pages/wish-edit.page.tsx').then((m) => ({ default: m.WishEditPage })));
const InterestedCompaniesPage = lazy(() => import('./pages/interested-companies.page.tsx').then((m) => ({ default: m.InterestedCompaniesPage })));
// マッチング候補 and マッチングラウンド (issue 5).
const WishSuggestionsPage = lazy(() => import('./pages/wish-suggestions.page.tsx').then((m) => ({ default: m.WishSuggestionsPage })));
const MatchingPage = lazy(() => import('./pages/matching.page.tsx').then((m) => ({ default: m.MatchingPage })));
const MatchingRoundPage = lazy(() => import('./pages/matching-round.page.tsx').then((m) => ({ default: m.MatchingRoundPage })));
// 知識ページ (issue 5): the public guide (hub, Q&A, each page) and its editing by the NPA and the center.
const GuidePage = lazy(() => import('./pages/guide.page.tsx').then((m) => ({ default: m.GuidePage })));
// 統計 (issue 6): the public statistics pages (published figures with sources and history).
const StatisticsPage = lazy(() => import('./pages/statistics.page.tsx').then((m) => ({ default: m.StatisticsPage })));
const StatisticsInternationalPage = lazy(() => import('./pages/statistics-international.page.tsx').then((m) => ({ default: m.StatisticsInternationalPage })));
const StatisticsPublishedPage = lazy(() => import('./pages/statistics-published.page.tsx').then((m) => ({ default: m.StatisticsPublishedPage })));
// 官民人事交流の実施状況（記録に基づく集計）: NPA only.
const StatisticsPublicPrivatePage = lazy(() => import('./pages/statistics-public-private.page.tsx').then((m) => ({ default: m.StatisticsPublicPrivatePage })));
// アンケート (issue 7): respondents' surveys and the NPA's rounds, preview and results.
const MySurveysPage = lazy(() => import('./pages/my-surveys.page.tsx').then((m) => ({ default: m.MySurveysPage })));
const SurveyAnswerPage = lazy(() => import('./pages/survey-answer.page.tsx').then((m) => ({ default: m.SurveyAnswerPage })));
const SurveyRoundsPage = lazy(() => import('./pages/survey-rounds.page.tsx').then((m) => ({ default: m.SurveyRoundsPage })));
const SurveyRoundNewPage = lazy(() => import('./pages/survey-rounds.page.tsx').then((m) => ({ default: m.SurveyRoundNewPage })));
const SurveyRoundPage = lazy(() => import('./pages/survey-round.page.tsx').then((m) => ({ default: m.SurveyRoundPage })));
const SurveyDefinitionPreviewPage = lazy(() => import('./pages/survey-round.page.tsx').then((m) => ({ default: m.SurveyDefinitionPreviewPage })));
const SurveyResultsPage = lazy(() => import('./pages/survey-results.page.tsx').then((m) => ({ default: m.SurveyResultsPage })));
const GuideQaPage = lazy(() => import('./pages/guide-qa.page.tsx').then((m) => ({ default: m.GuideQaPage })));
const GuideArticlePage = lazy(() => import('./pages/guide-article.page.tsx').then((m) => ({ default: m.GuideArticlePage })));
const GuideManagePage = lazy(() => import('./pages/guide-manage.page.tsx').then((m) => ({ default: m.GuideManagePage })));
const GuideEditPage = lazy(() => import('./pages/guide-edit.page.tsx').then((m) => ({ default: m.GuideEditPage })));
// 国際 (issue 8): the dispatch registry (派遣法) with its consultations, year figures from records, and the NPA's programmes.
const InternationalDispatchesPage = lazy(() => import('./pages/international-dispatches.page.tsx').then((m) => ({ default: m.InternationalDispatchesPage })));
const InternationalDispatchNewPage = lazy(() => import('./pages/international-dispatch-new.page.tsx').then((m) => ({ default: m.InternationalDispatchNewPage })));
const InternationalDispatchDetailPage = lazy(() => import('./pages/international-dispatch-detail.page.tsx').then((m) => ({ default: m.InternationalDispatchDetailPage })));
const InternationalConsultationsPage = lazy(() => import('./pages/international-consultations.page.tsx').then((m) => ({ default: m.InternationalConsultationsPage })));
const InternationalFiguresPage = lazy(() => import('./pages/international-figures.page.tsx').then((m) => ({ default: m.InternationalFiguresPage })));
const InternationalOrganisationsPage = lazy(() => import('./pages/international-programmes.page.tsx').then((m) => ({ default: m.InternationalOrganisationsPage })));
const InternationalSeminarsPage = lazy(() => import('./pages/international-programmes.page.tsx').then((m) => ({ default: m.InternationalSeminarsPage })));
const InternationalFellowshipsPage = lazy(() => import('./pages/international-programmes.page.tsx').then((m) => ({ default: m.InternationalFellowshipsPage })));
const InternationalDelegationsPage = lazy(() => import('./pages/international-programmes.page.tsx').then((m) => ({ default: m.InternationalDelegationsPage })));
const InternationalNetworksPage = lazy(() => import('./pages/international-programmes.page.tsx').then((m) => ({ default: m.InternationalNetworksPage })));
const GuideHistoryPage = lazy(() => import('./pages/guide-history.page.tsx').then((m) => ({ default: m.GuideHistoryPage })));
const GuideVersionPage = lazy(() => import('./pages/guide-history.page.tsx').then((m) => ({ default: m.GuideVersionPage })));

export const companyReaders: Role[] = ['npa', 'center', 'ministry_hr', 'company_hr'];
/** Who may search people (the nav shows the directory to them); participants see only their own record. */
export const peopleDirectoryRoles: Role[] = ['npa', 'ministry_hr', 'company_hr'];
const personReaders: Role[] = [...peopleDirectoryRoles, 'participant'];
/** 交流基準: NPA and ministry HR check stored records and screen; the center and company HR paste the facts. */
const criteriaCheckRoles: Role[] = ['npa', 'ministry_hr', 'center', 'company_hr'];
const criteriaScreeningRoles: Role[] = ['npa', 'ministry_hr'];
/** The facts the 交流基準 read (criteria_data:read); company HR keeps its own figures on its company's page. */
const criteriaDataPageRoles: Role[] = ['npa', 'ministry_hr', 'center'];
/** The standalone schedule planner (逆算): for ministries planning an exchange, and the NPA. */
const plannerRoles: Role[] = ['npa', 'ministry_hr'];
/** 交流案件: every role reads the cases in its scope (exchanges:read); ministries and the NPA open them. */
const caseCreatorRoles: Role[] = ['npa', 'ministry_hr'];
/** 公募・名簿・事前相談 (public_call:apply, roster:read, consultations:use in the grants table). */
const rosterRoles: Role[] = ['npa', 'center', 'ministry_hr'];
const consultationRoles: Role[] = ['npa', 'ministry_hr', 'company_hr'];
/** 問合せ: the contact window (inquiries:manage) and the two sides (inquiries:use). */
const inquiryRoles: Role[] = ['npa', 'center', 'ministry_hr', 'company_hr'];
/** 説明会: the list and each event are public; the center and the NPA manage them (events:manage). */
const eventManagerRoles: Role[] = ['npa', 'center'];
/** 交流希望シート (wishes:write) and 関心が高い企業の一覧 (interested_companies:read). */
const wishWriterRoles: Role[] = ['ministry_hr', 'company_hr', 'npa'];
const interestedCompaniesRoles: Role[] = ['ministry_hr', 'npa', 'center'];
/** マッチング候補 (wishes:suggest) and マッチングラウンド (matching:manage for the NPA and the center, matching:rank for the two sides). */
const suggestionRoles: Role[] = ['npa', 'center', 'ministry_hr', 'company_hr'];
const matchingRoles: Role[] = ['npa', 'center', 'ministry_hr', 'company_hr'];
/** 知識ページ: public to read; the NPA and the center edit them (knowledge:edit). */
const knowledgeEditorRoles: Role[] = ['npa', 'center'];
/** アンケート: ministry HR and participants answer (surveys:answer); the NPA runs rounds and reads results (surveys:manage, surveys:results). */
const surveyRespondentRoles: Role[] = ['ministry_hr', 'participant'];
/** 国際 (international:register: ministry HR registers its dispatches, the NPA sees all; international:manage: the NPA). */
const internationalRoles: Role[] = ['npa', 'ministry_hr'];

/**
 * The logged-in main menu (the side nav): groups in order, each entry with the roles that see it
 * (no roles: every account). Labels are i18n keys. A new page adds its entry to the group it belongs to.
 */
const mainMenu: NavGroupSpec<Role>[] = [
  {
    id: 'home',
    items: [
      { to: '/dashboard', label: 'nav.dashboard' },
      { to: '/outbox', label: 'nav.outbox' }, // every role: the mails addressed to the account (NPA: all)
    ],
  },
  {
    id: 'exchanges', // 交流案件・公募・名簿・事前相談
    label: 'navGroups.exchanges',
    items: [
      { to: '/exchanges', label: 'nav.exchanges', end: true }, // the queue and the planner have their own entries
      { to: '/exchanges/queue', label: 'nav.exchangeQueue', roles: ['npa'] },
      { to: '/exchanges/planner', label: 'nav.exchangePlanner', roles: plannerRoles },
      { to: '/public-call', label: 'nav.publicCall', roles: ['company_hr'] },
      { to: '/admin/call-applications', label: 'nav.callReview', roles: ['npa'] },
      { to: '/roster', label: 'nav.roster', roles: rosterRoles },
      { to: '/consultations', label: 'nav.consultations', roles: consultationRoles },
    ],
  },
  {
    id: 'wishes', // 交流希望情報・マッチング・問合せ
    label: 'navGroups.wishes',
    items: [
      { to: '/wishes', label: 'wishes.nav.public' },
      { to: '/my-wishes', label: 'wishes.nav.mine', roles: wishWriterRoles },
      { to: '/interested-companies', label: 'wishes.nav.interested', roles: interestedCompaniesRoles },
      { to: '/matching', label: 'matching.nav', roles: matchingRoles },
      { to: '/inquiries', label: 'inquiries.nav', roles: inquiryRoles },
    ],
  },
  {
    id: 'events', // 説明会・ガイド
    label: 'navGroups.events',
    items: [
      { to: '/events', label: 'events.nav', end: true },
      { to: '/events/manage', label: 'events.navManage', roles: eventManagerRoles },
      { to: '/guide', label: 'knowledge.nav', end: true },
      { to: '/guide/manage', label: 'knowledge.navManage', roles: knowledgeEditorRoles },
    ],
  },
  {
    id: 'directory', // 府省等・民間企業等・職員
    label: 'navGroups.directory',
    items: [
      { to: '/organisations', label: 'nav.organisations' },
      { to: '/companies', label: 'nav.companies', roles: companyReaders },
      { to: '/people', label: 'nav.people', roles: peopleDirectoryRoles },
      { to: '/contacts', label: 'nav.contacts' },
    ],
  },
  {
    id: 'criteria', // 交流基準
    label: 'navGroups.criteria',
    items: [
      { to: '/criteria/check', label: 'nav.criteriaCheck', roles: criteriaCheckRoles },
      { to: '/criteria/screening', label: 'nav.criteriaScreening', roles: criteriaScreeningRoles },
      { to: '/criteria/contracts', label: 'nav.criteriaContracts', roles: criteriaDataPageRoles },
      { to: '/criteria/exchange-history', label: 'nav.criteriaHistory', roles: criteriaDataPageRoles },
      { to: '/criteria/parameters', label: 'nav.criteriaParameters' },
    ],
  },
  {
    id: 'statistics', // 統計 (public published figures; records-based views are added here too)
    label: 'statistics.navGroup',
    items: [
      { to: '/statistics', label: 'statistics.nav', end: true },
      { to: '/statistics/international', label: 'statistics.navInternational' },
      { to: '/statistics/published', label: 'statistics.navPublished' },
      { to: '/statistics/public-private', label: 'statistics.publicPrivate.nav', roles: ['npa'] },
    ],
  },
  {
    id: 'international', // 国際: 派遣法の派遣・協議・年度別数値、セミナー・フェローシップ・来訪・ネットワーク
    label: 'international.navGroup',
    items: [
      { to: '/international/dispatches', label: 'international.nav.dispatches', roles: internationalRoles },
      { to: '/international/consultations', label: 'international.nav.consultations', roles: internationalRoles },
      { to: '/international/figures', label: 'international.nav.figures', roles: internationalRoles },
      { to: '/international/organisations', label: 'international.nav.organisations', roles: ['npa'] },
      { to: '/international/seminars', label: 'international.nav.seminars', roles: ['npa'] },
      { to: '/international/fellowships', label: 'international.nav.fellowships', roles: ['npa'] },
      { to: '/international/delegations', label: 'international.nav.delegations', roles: ['npa'] },
      { to: '/international/networks', label: 'international.nav.networks', roles: ['npa'] },
    ],
  },
  {
    id: 'surveys', // アンケート
    label: 'surveys.navGroup',
    items: [
      { to: '/surveys', label: 'surveys.nav.mine', roles: surveyRespondentRoles },
      { to: '/admin/surveys', label: 'surveys.nav.rounds', roles: ['npa'] },
    ],
  },
  {
    id: 'admin', // 管理
    label: 'navGroups.admin',
    items: [
      { to: '/admin/registrations', label: 'nav.registrations', roles: ['npa'] },
      { to: '/admin/audit', label: 'nav.audit', roles: ['npa'] },
    ],
  },
];

/** Logged out: a short row of public links in the header. Logged in: the grouped side menu. */
function useNav(): { top: NavItem[]; groups: NavGroup[] | null } {
  const { t } = useTranslation();
  const { account, status } = useSession();
  // Reading the session at page load: a browser last signed in gets the signed-in shape at once.
  const hint = !account && status === 'loading' ? sessionRoleHint() : null;
  if (hint) return { top: [], groups: menuFor(mainMenu, hint, (key) => t(key)) };
  if (!account) {
    return {
      top: [
        { to: '/', label: t('nav.home'), end: true },
        { to: '/guide', label: t('knowledge.nav') },
        { to: '/contacts', label: t('nav.contacts') },
        { to: '/wishes', label: t('wishes.nav.public') },
        { to: '/statistics', label: t('statistics.nav') },
        { to: '/events', label: t('events.nav') },
        { to: '/register', label: t('nav.register') },
      ],
      groups: null,
    };
  }
  return { top: [], groups: menuFor(mainMenu, account.role, (key) => t(key)) };
}

type Flash = { flash?: 'loggedOut' };

function Layout() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const nav = useNav();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    focusHeadingWhenShown();
  }, [location.pathname]);

  const account = session.account;
  const affiliation = account ? (account.companyName ?? (account.organisationName ? account.organisationName[lang] : null)) : null;
  const flash = (location.state as Flash | null)?.flash;

  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink targetId="main" />
      <Header
        nav={nav.top}
        wide={nav.groups !== null}
        loginHref="/login"
        pending={session.status === 'loading' && nav.groups !== null}
        languageSwitch={<LanguageSwitch current={lang} onChange={(l) => void session.changeLocale(l)} />}
        account={account ? { name: account.displayName, role: t(`roles.${account.role}`), affiliation: account.role === 'npa' || affiliation === t(`roles.${account.role}`) ? null : affiliation } : null}
        onLogout={() => {
          void session.logout().finally(() => navigate('/', { state: { flash: 'loggedOut' } satisfies Flash }));
        }}
      />
      <div className={cx('flex flex-1 flex-col', nav.groups && 'md:flex-row')}>
        {nav.groups ? <SideNav label={t('nav.label')} groups={nav.groups} /> : null}
        <main
          id="main"
          tabIndex={-1}
          // At least a screen tall: the footer starts below the fold, so pages filling in as their
          // data arrives do not push it down in view (layout shift).
          className={cx('min-h-screen w-full flex-1 px-4 py-8 focus:outline-none sm:px-6 sm:py-10', nav.groups ? 'max-w-7xl min-w-0 lg:px-8' : 'mx-auto max-w-7xl')}
        >
          {flash === 'loggedOut' ? (
            <Alert tone="success" live="polite" className="mb-6">
              {t('header.loggedOut')}
            </Alert>
          ) : null}
          {session.status === 'error' && session.error ? (
            <ErrorAlert error={session.error} title={t('errors.sessionFailed')} onRetry={() => void session.refresh()} />
          ) : null}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <Footer />
    </div>
  );
}

function RequireAuth({ roles }: { roles?: Role[] }) {
  const { status, account } = useSession();
  if (status === 'loading') return <Loading />;
  if (!account) return status === 'error' ? null : <LoginRedirect />;
  if (roles && !roles.includes(account.role)) return <ForbiddenPage />;
  return <Outlet />;
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="contacts" element={<ContactsPage />} />
            <Route path="login" element={<LoginPage />} />
            <Route path="register" element={<RegisterPage />} />
            <Route path="events" element={<EventsPage />} />
            <Route path="events/:id" element={<EventDetailPage />} />
            <Route path="wishes" element={<WishesPage />} />
            <Route path="wishes/:reference" element={<WishSheetPage />} />
            <Route path="guide" element={<GuidePage />} />
            <Route path="guide/qa" element={<GuideQaPage />} />
            <Route path="guide/:slug" element={<GuideArticlePage />} />
            <Route path="statistics" element={<StatisticsPage />} />
            <Route path="statistics/international" element={<StatisticsInternationalPage />} />
            <Route path="statistics/published" element={<StatisticsPublishedPage />} />
            <Route element={<RequireAuth roles={['npa']} />}>
              <Route path="statistics/public-private" element={<StatisticsPublicPrivatePage />} />
            </Route>
            <Route element={<RequireAuth roles={internationalRoles} />}>
              <Route path="international/dispatches" element={<InternationalDispatchesPage />} />
              <Route path="international/dispatches/new" element={<InternationalDispatchNewPage />} />
              <Route path="international/dispatches/:id" element={<InternationalDispatchDetailPage />} />
              <Route path="international/consultations" element={<InternationalConsultationsPage />} />
              <Route path="international/figures" element={<InternationalFiguresPage />} />
              <Route path="international/organisations" element={<InternationalOrganisationsPage />} />
              <Route path="international/seminars" element={<InternationalSeminarsPage />} />
              <Route path="international/fellowships" element={<InternationalFellowshipsPage />} />
              <Route path="international/delegations" element={<InternationalDelegationsPage />} />
              <Route path="international/networks" element={<InternationalNetworksPage />} />
            </Route>
            <Route element={<RequireAuth roles={knowledgeEditorRoles} />}>
              <Route path="guide/manage" element={<GuideManagePage />} />
              <Route path="guide/:slug/edit" element={<GuideEditPage />} />
              <Route path="guide/:slug/history" element={<GuideHistoryPage />} />
              <Route path="guide/:slug/history/:version" element={<GuideVersionPage />} />
            </Route>
            <Route element={<RequireAuth />}>
              <Route path="dashboard" element={<DashboardPage />} />
              <Route path="organisations" element={<OrganisationsPage />} />
              <Route path="organisations/:id" element={<OrganisationDetailPage />} />
              <Route path="criteria/parameters" element={<CriteriaParametersPage />} />
              <Route path="outbox" element={<OutboxPage />} />
              <Route path="outbox/:id" element={<OutboxMailPage />} />
            </Route>
            <Route element={<RequireAuth roles={criteriaCheckRoles} />}>
              <Route path="criteria/check" element={<CriteriaCheckPage />} />
            </Route>
            <Route element={<RequireAuth roles={plannerRoles} />}>
              <Route path="exchanges/planner" element={<ExchangePlannerPage />} />
            </Route>
            <Route element={<RequireAuth />}>
              <Route path="exchanges" element={<ExchangeListPage />} />
              <Route path="exchanges/:id" element={<ExchangeDetailPage />} />
            </Route>
            <Route element={<RequireAuth roles={caseCreatorRoles} />}>
              <Route path="exchanges/new" element={<ExchangeNewPage />} />
            </Route>
            <Route element={<RequireAuth roles={['npa']} />}>
              <Route path="exchanges/queue" element={<ExchangeQueuePage />} />
            </Route>
            <Route element={<RequireAuth roles={criteriaScreeningRoles} />}>
              <Route path="criteria/screening" element={<CriteriaScreeningPage />} />
            </Route>
            <Route element={<RequireAuth roles={criteriaDataPageRoles} />}>
              <Route path="criteria/contracts" element={<CriteriaContractsPage />} />
              <Route path="criteria/exchange-history" element={<CriteriaExchangeHistoryPage />} />
            </Route>
            <Route element={<RequireAuth roles={companyReaders} />}>
              <Route path="companies" element={<CompaniesPage />} />
              <Route path="companies/:id" element={<CompanyDetailPage />} />
            </Route>
            <Route element={<RequireAuth roles={personReaders} />}>
              <Route path="people" element={<PeoplePage />} />
              <Route path="people/:id" element={<PersonDetailPage />} />
            </Route>
            <Route element={<RequireAuth roles={['company_hr']} />}>
              <Route path="public-call" element={<PublicCallPage />} />
            </Route>
            <Route element={<RequireAuth roles={rosterRoles} />}>
              <Route path="roster" element={<RosterPage />} />
            </Route>
            <Route element={<RequireAuth roles={consultationRoles} />}>
              <Route path="consultations" element={<ConsultationsPage />} />
              <Route path="consultations/:id" element={<ConsultationDetailPage />} />
            </Route>
            <Route element={<RequireAuth roles={inquiryRoles} />}>
              <Route path="inquiries" element={<InquiriesPage />} />
              <Route path="inquiries/:id" element={<InquiryDetailPage />} />
            </Route>
            <Route element={<RequireAuth roles={['npa']} />}>
              <Route path="admin/call-applications" element={<CallReviewPage />} />
              <Route path="admin/registrations" element={<RegistrationsPage />} />
              <Route path="admin/audit" element={<AuditPage />} />
            </Route>
            <Route element={<RequireAuth roles={wishWriterRoles} />}>
              <Route path="my-wishes" element={<MyWishesPage />} />
              <Route path="my-wishes/new" element={<WishNewPage />} />
              <Route path="my-wishes/:id" element={<WishEditPage />} />
            </Route>
            <Route element={<RequireAuth roles={suggestionRoles} />}>
              <Route path="my-wishes/:id/suggestions" element={<WishSuggestionsPage />} />
            </Route>
            <Route element={<RequireAuth roles={matchingRoles} />}>
              <Route path="matching" element={<MatchingPage />} />
              <Route path="matching/:id" element={<MatchingRoundPage />} />
            </Route>
            <Route element={<RequireAuth roles={interestedCompaniesRoles} />}>
              <Route path="interested-companies" element={<InterestedCompaniesPage />} />
            </Route>
            <Route element={<RequireAuth roles={eventManagerRoles} />}>
              <Route path="events/manage" element={<EventsManagePage />} />
              <Route path="events/:id/manage" element={<EventManagePage />} />
            </Route>
            <Route element={<RequireAuth roles={surveyRespondentRoles} />}>
              <Route path="surveys" element={<MySurveysPage />} />
              <Route path="surveys/:targetId" element={<SurveyAnswerPage />} />
            </Route>
            <Route element={<RequireAuth roles={['npa']} />}>
              <Route path="admin/surveys" element={<SurveyRoundsPage />} />
              <Route path="admin/surveys/new" element={<SurveyRoundNewPage />} />
              <Route path="admin/surveys/preview/:key/:version" element={<SurveyDefinitionPreviewPage />} />
              <Route path="admin/surveys/:id" element={<SurveyRoundPage />} />
              <Route path="admin/surveys/:id/results" element={<SurveyResultsPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
