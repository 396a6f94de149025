package dev.furrow.core.schedule;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.lending.v1.GetLoanScheduleRequest;
import dev.furrow.proto.lending.v1.HolidayAdminServiceGrpc;
import dev.furrow.proto.lending.v1.HolidayList;
import dev.furrow.proto.lending.v1.ListHolidaysRequest;
import dev.furrow.proto.lending.v1.ReplaceHolidaysRequest;
import dev.furrow.proto.lending.v1.ScheduleServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.util.List;

/** The gRPC edges of schedules (partner) and holiday calendars (operator). */
public final class ScheduleGrpcServices {
  private ScheduleGrpcServices() {}

  /** {@code ScheduleService}; guarded by a LENDING partner API key. */
  public static final class Schedules extends ScheduleServiceGrpc.ScheduleServiceImplBase {
    private final LoanSchedules schedules;

    public Schedules(LoanSchedules schedules) {
      this.schedules = schedules;
    }

    @Override
    public void getLoanSchedule(
        GetLoanScheduleRequest request,
        StreamObserver<dev.furrow.proto.lending.v1.LoanSchedule> response) {
      reply(response, toProto(schedules.get(Caller.partnerId(), request.getId())));
    }
  }

  /** {@code HolidayAdminService}; guarded by the operator service token. */
  public static final class HolidayAdmin
      extends HolidayAdminServiceGrpc.HolidayAdminServiceImplBase {
    private final HolidayCalendars calendars;

    public HolidayAdmin(HolidayCalendars calendars) {
      this.calendars = calendars;
    }

    @Override
    public void replaceHolidays(
        ReplaceHolidaysRequest request, StreamObserver<HolidayList> response) {
      List<HolidayPolicy.HolidayInput> inputs =
          request.getHolidaysList().stream()
              .map(h -> new HolidayPolicy.HolidayInput(h.getDate(), h.getName()))
              .toList();
      List<Holiday> stored = calendars.replace(request.getCountry(), request.getYear(), inputs);
      reply(response, toProto(request.getCountry(), stored));
    }

    @Override
    public void listHolidays(ListHolidaysRequest request, StreamObserver<HolidayList> response) {
      List<Holiday> holidays =
          calendars.list(request.getCountry(), request.hasYear() ? request.getYear() : null);
      reply(response, toProto(request.getCountry(), holidays));
    }
  }

  static dev.furrow.proto.lending.v1.LoanSchedule toProto(LoanSchedule schedule) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    BigDecimal principal = zero;
    BigDecimal interest = zero;
    BigDecimal fee = zero;
    BigDecimal paid = zero;
    dev.furrow.proto.lending.v1.LoanSchedule.Builder b =
        dev.furrow.proto.lending.v1.LoanSchedule.newBuilder()
            .setLoan(schedule.loanId().toString())
            .setCurrency(schedule.currency());
    for (LoanSchedule.Row row : schedule.instalments()) {
      principal = principal.add(row.principal());
      interest = interest.add(row.interest());
      fee = fee.add(row.fee());
      paid = paid.add(row.paid());
      b.addInstalments(
          dev.furrow.proto.lending.v1.Instalment.newBuilder()
              .setNumber(row.number())
              .setDueDate(row.dueDate().toString())
              .setPrincipal(money(row.principal()))
              .setInterest(money(row.interest()))
              .setFee(money(row.fee()))
              .setTotal(money(row.total()))
              .setPaidPrincipal(money(row.paidPrincipal()))
              .setPaidInterest(money(row.paidInterest()))
              .setPaidFee(money(row.paidFee()))
              .setPaid(money(row.paid()))
              .setStatus(row.status().code()));
    }
    return b.setTotalPrincipal(money(principal))
        .setTotalInterest(money(interest))
        .setTotalFee(money(fee))
        .setTotalPaid(money(paid))
        .build();
  }

  private static HolidayList toProto(String country, List<Holiday> holidays) {
    HolidayList.Builder b =
        HolidayList.newBuilder().setCountry(country.strip().toUpperCase(java.util.Locale.ROOT));
    for (Holiday h : holidays) {
      b.addHolidays(
          dev.furrow.proto.lending.v1.Holiday.newBuilder()
              .setDate(h.date().toString())
              .setName(h.name()));
    }
    return b.build();
  }

  private static String money(BigDecimal value) {
    return value.setScale(2).toPlainString();
  }
}
